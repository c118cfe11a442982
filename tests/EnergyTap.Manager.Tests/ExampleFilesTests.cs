using EnergyTap.Manager.Replay;

namespace EnergyTap.Manager.Tests;

/// <summary>examples/replay/ is what <see cref="ExampleTraceGenerator"/> writes; ENERGYTAP_WRITE_EXAMPLES=1 rewrites it.</summary>
public sealed class ExampleFilesTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot(), "examples", "replay");

    public static TheoryData<string> Files => ["trace.csv", "prices.json", "export-prices.json"];

    [Theory]
    [MemberData(nameof(Files))]
    public void The_example_file_is_the_generated_one(string name)
    {
        var generated = name switch
        {
            "trace.csv" => ExampleTraceGenerator.TraceCsv(),
            "prices.json" => ExampleTraceGenerator.ImportPricesJson(),
            _ => ExampleTraceGenerator.ExportPricesJson(),
        };
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("ENERGYTAP_WRITE_EXAMPLES") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run this test with ENERGYTAP_WRITE_EXAMPLES=1");
        Assert.True(generated == File.ReadAllText(path), $"{path} differs from the generator; run this test with ENERGYTAP_WRITE_EXAMPLES=1");
    }

    [Fact]
    public void The_example_trace_is_three_days_at_10_s_and_the_prices_cover_it()
    {
        var trace = TraceCsv.Parse(new StringReader(ExampleTraceGenerator.TraceCsv()));
        Assert.Equal(TimeSpan.FromSeconds(10), trace.Step);
        Assert.Equal(TimeSpan.FromDays(3), trace.Duration);
        Assert.Contains(trace.Samples, s => s.LoadWatts > 7000);               // the EV
        var prices = Manager.Prices.PriceJson.Parse(ExampleTraceGenerator.ImportPricesJson());
        Assert.Equal(trace.Start, prices[0].Start);
        Assert.Equal(trace.End, prices[^1].End);
        double Pv(int day) => trace.Samples.Where(s => (s.Time - trace.Start).Days == day).Sum(s => s.PvWatts) * 10 / 3600 / 1000;
        Assert.True(Pv(1) < Pv(0) / 2, $"overcast day {Pv(1):F1} kWh vs sunny {Pv(0):F1} kWh");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnergyTap.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (EnergyTap.slnx) is not above the test's folder");
    }
}
