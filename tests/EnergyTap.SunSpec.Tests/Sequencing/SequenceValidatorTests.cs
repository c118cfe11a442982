using EnergyTap.SunSpec.Sequencing;
using EnergyTap.SunSpec.Tests.Fakes;

namespace EnergyTap.SunSpec.Tests.Sequencing;

public class SequenceValidatorTests
{
    [Fact]
    public void Unknown_read_only_and_out_of_range_points_are_all_reported()
    {
        var sequence = SequenceLoader.Parse("""
            [
              { "step": "a", "writes": { "704.NoSuch": 1, "704.WSetRvrtRem": 5, "704.WSetPct": 150, "704.WSetEna": "MAYBE" } },
              { "step": "b", "writes": { "704.WSetRvrtTms": -1, "704.PFWInj.PF": 0.0001 } },
              { "step": "c", "wait_for": { "point": "704.WSetEna", "value": "SOMETIMES" }, "reads": ["999.X"] }
            ]
            """);
        var image = AgateLikeImage.Build();

        var problems = SequenceValidator.Validate(sequence, image.Map, p => (long?)image.Get(p.FullName).Value);

        Assert.Equal(8, problems.Count);
        Assert.Contains(problems, p => p.Message.StartsWith("unknown point", StringComparison.Ordinal) && p.Location.JsonPath == "$[0].writes['704.NoSuch']");
        Assert.Contains(problems, p => p.Message.Contains("read-only", StringComparison.Ordinal) && p.Location.Line == 2);
        Assert.Contains(problems, p => p.Message.Contains("150 % is out of range", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("MAYBE", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Location.JsonPath == "$[1].writes['704.WSetRvrtTms']");
        Assert.Contains(problems, p => p.Location.JsonPath == "$[1].writes['704.PFWInj.PF']" && p.Message.Contains("finer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("SOMETIMES", StringComparison.Ordinal) && p.Location.Line == 4);
    }

    [Fact]
    public void Catalog_map_checks_without_a_device_and_lays_out_repeating_groups()
    {
        var sequence = SequenceLoader.Parse("""[{ "step": "r", "reads": ["714.Prt[3].DCW", "713.SoC"], "writes": { "704.WSetPct": -200 } }]""");

        var problems = SequenceValidator.Validate(sequence, CatalogMap.For(sequence));

        Assert.Equal("$[0].writes['704.WSetPct']", Assert.Single(problems).Location.JsonPath);
    }

    [Fact]
    public void Shape_and_point_problems_come_together_in_line_order()
    {
        const string json = """
            [
              { "step": "a", "writes": { "704.WSetPct": 101 } },
              { "step": "b", "sleep_ms": -1 }
            ]
            """;

        var ex = Assert.Throws<SequenceValidationException>(() => SequenceValidator.LoadValid(json, "f.json", s => CatalogMap.For(s)));

        Assert.Equal([2, 3], ex.Problems.Select(p => p.Location.Line));
    }
}
