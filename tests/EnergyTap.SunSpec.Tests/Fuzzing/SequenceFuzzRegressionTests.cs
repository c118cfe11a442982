using EnergyTap.SunSpec.Points;
using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.SunSpec.Tests.Fuzzing;

/// <summary>Inputs the fuzzer found that broke the sequence loader, kept as named cases.</summary>
public sealed class SequenceFuzzRegressionTests
{
    [Theory]
    [InlineData("[\n{ \"step\": \"\\ud800\", \"sleep_ms\": 1 }]")]
    [InlineData("[\n{ \"\\udc00\": 1, \"sleep_ms\": 1 }]")]
    public void Half_a_surrogate_pair_is_a_JSON_problem_with_its_line_not_InvalidOperationException(string json)
    {
        var error = Assert.Throws<SequenceValidationException>(() => SequenceLoader.Parse(json, "odd.json"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(2, problem.Location.Line);
        Assert.Contains("surrogate", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_in_non_ASCII_digits_is_a_point_name_problem_not_FormatException()
    {
        Assert.Throws<SunSpecPointException>(() => PointPath.Parse("714.Prt[\u0663].DCW"));

        var error = Assert.Throws<SequenceValidationException>(() => SequenceLoader.Parse("""[{ "reads": ["714.Prt[\u0663].DCW"] }]"""));
        Assert.Equal("$[0].reads[0]", Assert.Single(error.Problems).Location.JsonPath);
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("interval")]
    public void Duration_of_decimal_MaxValue_seconds_is_a_problem_not_OverflowException(string key)
    {
        var json = $$"""[{ "type": "wait_for", "point": "713.SoC", "value": 1, "{{key}}": 79228162514264337593543950335 }]""";

        var error = Assert.Throws<SequenceValidationException>(() => SequenceLoader.Parse(json));

        Assert.Equal($"$[0].{key}", Assert.Single(error.Problems).Location.JsonPath);
    }

    [Fact]
    public void Key_with_a_line_break_keeps_the_message_and_the_path_on_one_line()
    {
        var error = Assert.Throws<SequenceValidationException>(() => SequenceLoader.Parse("""[{ "sleep_ms": 1, "a\nb": 2 }]"""));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal("$[0]['a\\u000ab']", Assert.Single(error.Problems).Location.JsonPath);
    }

    [Fact]
    public void Group_index_no_device_could_have_is_an_unknown_point_at_its_line()
    {
        // NPrt 99999 is beyond uint16: the image builder threw SunSpecValueException for the whole map, with no line.
        const string json = """
            [
              { "reads": ["713.SoC"] },
              { "reads": ["714.Prt[99999].DCW"] }
            ]
            """;

        var error = Assert.Throws<SequenceValidationException>(() => SequenceValidator.LoadValid(json, "big.json", s => CatalogMap.For(s)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(3, problem.Location.Line);
        Assert.Contains("unknown point", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Large_but_possible_group_index_is_still_laid_out()
    {
        var sequence = SequenceValidator.LoadValid("""[{ "reads": ["714.Prt[40].DCW"] }]""", "ok.json", s => CatalogMap.For(s));

        Assert.Equal("714.Prt[40].DCW", Assert.Single(Assert.Single(sequence.Steps).Reads).Point);
    }
}
