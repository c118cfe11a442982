using System.Text;
using System.Text.Json;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage.Sqlite;

namespace EnergyTap.Cli.Tests;

/// <summary>`energytap manage replay` on the example trace, and its refusals of bad input (one line, non-zero exit).</summary>
public sealed class ManageReplayCliTests : IDisposable
{
    private static readonly string Examples = Path.Combine(RepositoryRoot(), "examples", "replay");
    private readonly string folder = Directory.CreateTempSubdirectory("energytap-replay-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Example(string name) => Path.Combine(Examples, name);

    [Fact]
    public async Task A_site_s_stored_day_replays_from_the_history_database()
    {
        // Yesterday (UTC) as the service would have stored it: home load from the aGate, solar from the PVS (and a few
        // aGate solar readings, which the device that reported most outvotes).
        var yesterday = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1);
        var database = Path.Combine(folder, "energytap.db");
        await using (var store = await SqliteReadingStore.OpenAsync(database))
        {
            var readings = new List<Reading>();
            for (var t = yesterday; t < yesterday.AddDays(1); t = t.AddSeconds(30))
            {
                readings.Add(new Reading("home", "agate", "home_load_power", 800, "W", t));
                readings.Add(new Reading("home", "pvs", "solar_power", t.Hour is >= 10 and < 14 ? 2000 : 0, "W", t));
            }

            readings.Add(new Reading("home", "agate", "solar_power", 99_999, "W", yesterday.AddHours(12)));
            await store.WriteAsync(readings);
        }

        var prices = Write("day.json", $$"""[{"start":"{{yesterday:yyyy-MM-ddTHH:mm:ssZ}}","end":"{{yesterday.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}}","value":0.3}]""");
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(2), "manage", "replay", "--from-history", "--site", "home", "--days", "1", "--db", database,
            "--prices", prices, "--policy", "self-consumption", "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var root = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.Equal(800 * 24 / 1000.0, root.GetProperty("loadKwh").GetDouble(), 1);
        Assert.Equal(2000 * 4 / 1000.0, root.GetProperty("pvKwh").GetDouble(), 1);

        var unknown = await CliProcess.RunAsync("manage", "replay", "--from-history", "--site", "cabin", "--db", database, "--prices", prices, "--policy", "self-consumption");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("site cabin has no home_load_power stored", Assert.Single(unknown.StdErr.Trim().Split('\n')), StringComparison.Ordinal);

        var both = await CliProcess.RunAsync("manage", "replay", "--from-history", "--site", "home", "--trace", Example("trace.csv"), "--prices", prices, "--policy", "self-consumption");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("use one of them", both.StdErr, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>An hour at 10 s: 600 W of load, 1500 W of PV for the first half.</summary>
    private string SmallTrace()
    {
        var csv = new StringBuilder("time,load_w,pv_w\n");
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        for (var t = 0; t < 3600; t += 10)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{start.AddSeconds(t):yyyy-MM-ddTHH:mm:ssZ},600,{(t < 1800 ? 1500 : 0)}\n");
        }

        return Write("small.csv", csv.ToString());
    }

    [Fact]
    public async Task The_example_replays_with_self_consumption_and_prints_the_metrics_as_json()
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(2), "manage", "replay", "--trace", Example("trace.csv"), "--prices", Example("prices.json"),
            "--export-prices", Example("export-prices.json"), "--policy", "self-consumption", "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        foreach (var name in new[] { "costWithoutBattery", "cost", "optimalCost", "importKwh", "exportKwh", "batteryThroughputKwh", "gridWithin100WFraction",
                     "minSocPercent", "maxSocPercent", "limitViolations", "planChanges", "commands", "reversalsPerMinuteMax" })
        {
            Assert.True(root.TryGetProperty(name, out _), $"no {name} in {result.StdOut}");
        }

        Assert.True(root.GetProperty("cost").GetDouble() < root.GetProperty("costWithoutBattery").GetDouble());
        Assert.True(root.GetProperty("gridWithin100WFraction").GetDouble() >= 0.9, result.StdOut);
        Assert.True(root.GetProperty("reversalsPerMinuteMax").GetInt32() <= 2, result.StdOut);
        Assert.Equal(0, root.GetProperty("limitViolations").GetInt32());
        Assert.True(root.GetProperty("minSocPercent").GetDouble() >= 20, result.StdOut);
        // Self-consumption may end below its starting SoC, so its cost is not held against the optimum (which may not).
        Assert.Equal(JsonValueKind.Number, root.GetProperty("optimalCost").ValueKind);
    }

    [Fact]
    public async Task Without_json_it_prints_a_short_report()
    {
        var prices = Write("p.json", """[{"start":"2026-06-01T00:00:00Z","end":"2026-06-01T01:00:00Z","value":0.3}]""");
        var result = await CliProcess.RunAsync("manage", "replay", "--trace", SmallTrace(), "--prices", prices, "--policy", "self-consumption", "--export-limit", "500");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("Replayed 0.04 days of small.csv (10 s steps) with self-consumption", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Safety:  0 limit violations, 0 follow alarms", result.StdOut, StringComparison.Ordinal);
        Assert.InRange(result.StdOut.Trim().Split('\n').Length, 4, 8);
    }

    [Fact]
    public async Task Malformed_trace_csv_is_one_line_with_the_line_number()
    {
        var trace = Write("bad.csv", "time,load_w,pv_w\n2026-06-01T00:00:00Z,100,0\n2026-06-01T00:00:10Z,lots,0\n");
        var result = await CliProcess.RunAsync("manage", "replay", "--trace", trace, "--prices", Example("prices.json"), "--policy", "self-consumption");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"energytap: error: {trace}: line 3: load_w \"lots\" is not a number", Assert.Single(result.StdErr.Trim().Split('\n')));
    }

    [Theory]
    [InlineData("{\"start\": 1}", "must be a JSON array")]
    [InlineData("[{\"start\":\"2026-06-01T00:00:00Z\",\"end\":\"2026-06-01T00:30:00Z\",\"value\":0.3}]", "the import prices do not cover the trace: nothing at 2026-06-01T00:30:00Z")]
    [InlineData("[{\"start\":\"2026-06-01T00:00:00Z\",\"end\":\"2026-06-01T01:00:00Z\",\"value\":\"cheap\"}]", "entry 1: \"value\" is not a number")]
    public async Task Bad_price_files_are_one_line(string json, string message)
    {
        var prices = Write("prices.json", json);
        var result = await CliProcess.RunAsync("manage", "replay", "--trace", SmallTrace(), "--prices", prices, "--policy", "self-consumption");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.StartsWith("energytap: error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the round-trip efficiency must be above 0 and at most 1", "--battery-efficiency", "1.5")]
    [InlineData("the reserve must be between 0 and 100 %", "--reserve-percent", "100")]
    [InlineData("the battery capacity must be more than 0 Wh", "--battery-capacity-wh", "0")]
    [InlineData("the maximum charge power must be more than 0 W", "--battery-max-charge-w", "-5")]
    [InlineData("the initial state of charge must be between 0 and 100 %", "--initial-soc-percent", "120")]
    [InlineData("the export limit must be 0 W or more", "--export-limit", "-1")]
    [InlineData("--meter-latency-ms must be from 0 to 60000, not -5", "--meter-latency-ms", "-5")]
    [InlineData("--loop-period must be from 2 to 60 seconds, not 1", "--loop-period", "1")]
    public async Task Impossible_limits_are_one_line_and_exit_2(string message, string option, string value)
    {
        var result = await CliProcess.RunAsync("manage", "replay", "--trace", SmallTrace(), "--prices", Example("prices.json"), "--policy", "self-consumption", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"energytap: {message}", Assert.Single(result.StdErr.Trim().Split('\n')));
    }

    [Fact]
    public async Task Tou_with_perfect_forecasts_gets_most_of_the_optimal_savings_within_the_limits()
    {
        var result = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), "manage", "replay", "--trace", Example("trace.csv"), "--prices", Example("prices.json"),
            "--export-prices", Example("export-prices.json"), "--policy", "tou", "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var root = JsonDocument.Parse(result.StdOut).RootElement;
        var without = root.GetProperty("costWithoutBattery").GetDouble();
        var cost = root.GetProperty("cost").GetDouble();
        var optimal = root.GetProperty("optimalCost").GetDouble();
        Assert.True(optimal <= cost + 1e-6, result.StdOut);
        // The goal is 97 % (bench/ measures it); a test only guards against a planner that stopped planning.
        Assert.True((without - cost) >= 0.9 * (without - optimal), result.StdOut);
        Assert.Equal(0, root.GetProperty("limitViolations").GetInt32());
        Assert.True(root.GetProperty("planChanges").GetInt32() > 0, result.StdOut);
        Assert.True(root.GetProperty("minSocPercent").GetDouble() >= 20, result.StdOut);
    }

    [Fact]
    public async Task A_missing_trace_file_is_named()
    {
        var result = await CliProcess.RunAsync("manage", "replay", "--trace", Path.Combine(folder, "none.csv"), "--prices", Example("prices.json"), "--policy", "native");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"energytap: --trace: no such file: {Path.Combine(folder, "none.csv")}", Assert.Single(result.StdErr.Trim().Split('\n')));
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
