using EnergyTap.SunSpec.Conformance;
using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.SunSpec.Tests.Sequencing;

public class ShippedExamplesTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "sequences", "diagnostics" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "examples", folder), "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shipped_example_loads_validates_and_ends_by_releasing_control(string file)
    {
        var sequence = SequenceLoader.LoadFile(Path.Combine(RepoRoot(), "examples", file));

        Assert.Empty(SequenceValidator.Validate(sequence, CatalogMap.For(sequence)));
        var last = sequence.Steps[^1];
        Assert.Equal(["704.WSetEna", "704.WSetPct", "704.WSet"], last.Writes.Select(w => w.Point));
        Assert.All(last.Writes, w => Assert.Equal(0m, w.Value));
    }

    [Fact]
    public void There_are_the_model_704_examples_and_the_seed_diagnostics()
    {
        Assert.True(Directory.GetFiles(Path.Combine(RepoRoot(), "examples", "sequences"), "*.json").Length >= 12);
        foreach (var name in new[] { "curtailment_conformance.json", "reactive_power_conformance.json", "heartbeat_conformance.json", "reversion_conformance.json" })
        {
            Assert.True(File.Exists(Path.Combine(RepoRoot(), "examples", "diagnostics", name)), name);
        }
    }

    [Fact]
    public void Built_in_diagnostics_are_the_shipped_files()
    {
        foreach (var diagnostic in ConformanceDiagnostic.All)
        {
            var file = File.ReadAllText(Path.Combine(RepoRoot(), "examples", "diagnostics", diagnostic.FileName)).ReplaceLineEndings("\n").TrimEnd();
            Assert.Equal(file, diagnostic.Json.ReplaceLineEndings("\n").TrimEnd());
            Assert.NotEmpty(diagnostic.Load().Steps);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnergyTap.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"EnergyTap.slnx not found above {AppContext.BaseDirectory}");
    }
}
