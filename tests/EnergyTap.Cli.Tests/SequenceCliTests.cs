using System.Text.Json;
using EnergyTap.Simulators.Agate;

namespace EnergyTap.Cli.Tests;

public sealed class SequenceCliTests : IAsyncLifetime
{
    private readonly AgateSimulator simulator = new(new AgateSimulatorOptions { Port = 0 });
    private readonly string folder = Directory.CreateTempSubdirectory("energytap-seq-").FullName;
    private string port = "";

    public async Task InitializeAsync() => port = (await simulator.StartAsync()).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        await simulator.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private string Write(string json)
    {
        var path = Path.Combine(folder, $"seq{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private Task<CliProcess.Result> Run(params string[] args) =>
        CliProcess.RunAsync([.. args, "--host", "127.0.0.1", "--port", port, "--base", "0", "--timeout", "5"]);

    [Fact]
    public async Task Run_writes_verifies_reads_and_prints_every_step()
    {
        var file = Write("""
            { "name": "charge", "steps": [
              { "step": "Stop", "writes": { "704.WSetEna": 0 } },
              { "step": "Config", "writes": { "704.WSetMod": 0, "704.WSetPct": -20 } },
              { "step": "Enable", "writes": { "704.WSetEna": 1 }, "reads": ["704.WSetPct"] }
            ] }
            """);

        var result = await Run("sequence", "run", file);

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        Assert.Contains("3/3 Enable", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("704.WSetPct = -20 verified", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(-1000, simulator.CommandWatts);
    }

    [Fact]
    public async Task A_silently_discarded_write_fails_releases_control_and_exits_1_with_json()
    {
        var file = Write("""
            [
              { "step": "Discharge", "writes": { "704.WSetMod": 0, "704.WSetPct": 10, "704.WSetEna": 1 } },
              { "step": "Curtail", "writes": { "704.WMaxLimPctEna": 1 }, "verify_timeout_ms": 100 }
            ]
            """);

        var result = await Run("sequence", "run", file, "--json");

        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdOut);
        Assert.True(doc.RootElement.GetProperty("aborted").GetBoolean());
        Assert.Equal("discarded", doc.RootElement.GetProperty("steps")[1].GetProperty("writes")[0].GetProperty("outcome").GetString());
        Assert.Equal("succeeded", doc.RootElement.GetProperty("release").GetProperty("status").GetString());
        Assert.Contains("control released", result.StdErr, StringComparison.Ordinal);
        Assert.Null(simulator.CommandWatts);
    }

    [Fact]
    public async Task Dry_run_prints_the_fc16_runs_and_writes_nothing()
    {
        var file = Write("""[{ "m": 704, "p": ["WSetEna", "WSetMod", "WSetPct"], "v": [1, 0, -25] }]""");

        var result = await Run("sequence", "run", file, "--dry-run", "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var writes = doc.RootElement.GetProperty("steps")[0].GetProperty("writes");
        Assert.Equal(simulator.AddressOf("704.WSetEna"), writes[0].GetProperty("address").GetInt32());
        Assert.Equal([1, 0], writes[0].GetProperty("registers").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(65286, writes[1].GetProperty("registers")[0].GetInt32()); // -250 raw with WSetPct_SF -1
        Assert.Empty(simulator.WriteLog);
    }

    [Fact]
    public async Task Validation_lists_every_problem_with_lines_and_writes_nothing()
    {
        var file = Write("""
            [
              { "step": "a", "writes": { "704.WSetEna": 1 } },
              { "step": "b", "writes": { "704.WSetRvrtRem": 3, "704.WSetPct": 1500 } },
              { "step": "c", "reads": ["704.Nope"], "bogus": 1 }
            ]
            """);

        var run = await Run("sequence", "run", file);
        var check = await CliProcess.RunAsync("sequence", "check", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("4 problems; nothing was written", run.StdErr, StringComparison.Ordinal);
        Assert.Contains(":4: $[2].bogus: unknown key", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(simulator.WriteLog);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(":3: $[1].writes['704.WSetRvrtRem']: 704.WSetRvrtRem is read-only", check.StdErr, StringComparison.Ordinal);
        Assert.Contains(":3: $[1].writes['704.WSetPct']", check.StdErr, StringComparison.Ordinal);
        Assert.Contains(":4: $[2].reads[0]: unknown point", check.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_accepts_a_shipped_example()
    {
        var example = Path.Combine(RepoRoot(), "examples", "sequences", "12_soc_target_charge.json");

        var result = await CliProcess.RunAsync("sequence", "check", example);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("valid, 5 steps", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance_reports_the_agate_quirks_as_json_and_releases()
    {
        var result = await CliProcess.RunAsync(
            "conformance", "--host", "127.0.0.1", "--port", port, "--json",
            "--reversion-time", "1", "--reversion-wait", "0", "--verify-timeout-ms", "100", "--settle-ms", "0");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var verdicts = doc.RootElement.GetProperty("findings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("feature").GetString()!, f => f.GetProperty("verdict").GetString());
        Assert.Equal("works", verdicts["Active power control (WSetPct)"]);
        Assert.Equal("works", verdicts["Power factor enable (PFWInjEna)"]);
        Assert.Equal("silentlyDiscarded", verdicts["Curtailment (WMaxLimPct)"]);
        Assert.Equal("silentlyDiscarded", verdicts["Reactive power (VarSet)"]);
        Assert.Equal("silentlyDiscarded", verdicts["Controller heartbeat (ControllerHb)"]);
        Assert.Equal("acceptedWithoutEffect", verdicts["Reversion timer (WSetRvrtTms)"]);
        Assert.Equal("silentlyDiscarded", verdicts["Ramp rate (WRmp)"]);
        Assert.True(doc.RootElement.GetProperty("released").GetBoolean());
        Assert.Null(simulator.CommandWatts);
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

        throw new InvalidOperationException("EnergyTap.slnx not found");
    }
}
