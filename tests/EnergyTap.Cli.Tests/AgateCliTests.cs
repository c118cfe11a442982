using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyTap.Simulators.Agate;

namespace EnergyTap.Cli.Tests;

/// <summary>The real `energytap agate` and `simulate agate` commands against an in-process simulator on loopback.</summary>
public sealed class AgateCliTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("energytap-agate-cli-").FullName;
    private AgateSimulator simulator = null!;

    private string StateFile => Path.Combine(directory, "agate-commands.json");

    public async Task InitializeAsync()
    {
        simulator = new AgateSimulator(new AgateSimulatorOptions { Port = 0 });
        await simulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await simulator.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private string[] Target(params string[] args) =>
        [.. args, "--host", "127.0.0.1", "--port", simulator.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state-file", StateFile];

    [Fact]
    public async Task A_killed_revert_is_released_by_the_next_run_after_its_deadline()
    {
        await using (var child = EnergyTapChild.Start(Target("agate", "charge", "2000", "--revert", "30")))
        {
            await WaitForCommandAsync(-2000);
            await child.KillAsync();     // SIGKILL: no Ctrl-C handler, no release
        }

        Assert.Equal(-2000, simulator.CommandWatts);

        // A later run before the deadline leaves the command alone...
        var early = await CliProcess.RunAsync(Target("agate", "status"));
        Assert.Equal(0, early.ExitCode);
        Assert.Equal(-2000, simulator.CommandWatts);

        // ...and one after it releases the command. Instead of waiting 30 s, move the saved deadline into the past.
        var document = JsonNode.Parse(await File.ReadAllTextAsync(StateFile))!;
        var saved = document["commands"]![0]!;
        Assert.True(saved["deadline"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
        saved["deadline"] = DateTimeOffset.UtcNow.AddSeconds(-1);
        await File.WriteAllTextAsync(StateFile, document.ToJsonString());

        var status = await CliProcess.RunAsync(Target("agate", "status", "--json"));
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("released an expired command (charge 2000 W", status.StdErr, StringComparison.Ordinal);
        Assert.Null(simulator.CommandWatts);
        using var json = JsonDocument.Parse(status.StdOut);
        Assert.Equal(0, json.RootElement.GetProperty("status").GetProperty("control").GetProperty("wSetEna").GetInt32());
    }

    [Fact]
    public async Task Interrupting_a_revert_hold_releases_at_once()
    {
        await using var child = EnergyTapChild.Start(Target("agate", "discharge", "1000", "--revert", "600"));
        await child.WaitForLineAsync("Releasing in");
        Assert.Equal(1000, simulator.CommandWatts);

        // SIGTERM takes the same path as Ctrl-C (SIGINT may be ignored under a test runner).
        var exitCode = await child.SignalAndWaitAsync("-TERM");
        Assert.Equal(130, exitCode);
        Assert.Contains("Interrupted: released (discharge 1000 W)", child.StdOut, StringComparison.Ordinal);
        Assert.Null(simulator.CommandWatts);
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(StateFile));
        Assert.Equal(0, state.RootElement.GetProperty("commands").GetArrayLength());
    }

    [Fact]
    public async Task Charge_without_revert_warns_persists_and_stop_releases()
    {
        var charge = await CliProcess.RunAsync(Target("agate", "charge", "1500"));
        Assert.Equal(0, charge.ExitCode);
        Assert.Contains("WSetPct -30 % of 5000 W, verified", charge.StdOut, StringComparison.Ordinal);
        Assert.Contains("persists until 'energytap agate stop'", charge.StdErr, StringComparison.Ordinal);
        Assert.Equal(-1500, simulator.CommandWatts);

        var writes = simulator.WriteLog.Count;
        var status = await CliProcess.RunAsync(Target("agate", "status"));
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("Modbus control ON", status.StdOut, StringComparison.Ordinal);
        Assert.Equal(writes, simulator.WriteLog.Count);
        Assert.Equal(-1500, simulator.CommandWatts);

        var stop = await CliProcess.RunAsync(Target("agate", "stop"));
        Assert.Equal(0, stop.ExitCode);
        Assert.Contains("Released charge 1500 W", stop.StdOut, StringComparison.Ordinal);
        Assert.Null(simulator.CommandWatts);
    }

    [Fact]
    public async Task Refusals_and_bad_input_are_one_line_and_write_nothing()
    {
        var cases = new (string[] Args, int Exit, string Text)[]
        {
            (Target("agate", "charge", "9000"), 1, "beyond the charge rating"),
            (Target("agate", "discharge", "-5"), 2, "must be positive"),
            (Target("agate", "charge", "100", "--revert", "0"), 2, "--revert"),
            (["agate", "status", "--host", "no such host"], 2, "unknown host"),
            (["agate", "status", "--host", "127.0.0.1", "--port", "1"], 1, "cannot connect"),
        };
        foreach (var (args, exit, text) in cases)
        {
            var result = await CliProcess.RunAsync(args);
            Assert.Equal(exit, result.ExitCode);
            var line = Assert.Single(result.StdErr.Trim().Split('\n'));
            Assert.StartsWith("energytap:", line, StringComparison.Ordinal);
            Assert.Contains(text, line, StringComparison.Ordinal);
        }

        Assert.Empty(simulator.WriteLog);
    }

    [Fact]
    public async Task Status_takes_the_agate_from_the_configuration_and_asks_which_when_it_lists_several()
    {
        var port = simulator.Endpoint.Port;
        var config = Path.Combine(directory, "energytap.json");
        var state = new[] { "--state-file", StateFile };
        await File.WriteAllTextAsync(config, $$"""
            { "sites": [ { "id": "home", "agates": [ { "id": "agate", "host": "127.0.0.1", "port": {{port}} } ] } ] }
            """);
        var one = await CliProcess.RunAsync(["agate", "status", "--config", config, .. state]);
        Assert.True(one.ExitCode == 0, one.StdErr);
        Assert.Contains("Modbus control off", one.StdOut, StringComparison.Ordinal);

        await File.WriteAllTextAsync(config, $$"""
            { "sites": [
                { "id": "home", "agates": [ { "id": "agate", "host": "127.0.0.1", "port": {{port}} } ] },
                { "id": "cabin", "agates": [ { "id": "agate", "host": "127.0.0.2", "port": 502 } ] } ] }
            """);
        var several = await CliProcess.RunAsync(["agate", "health", "--config", config, .. state]);
        Assert.Equal(2, several.ExitCode);
        var line = Assert.Single(several.StdErr.Trim().Split('\n'));
        Assert.Contains($"lists 2 aGates (home/agate at 127.0.0.1:{port}, cabin/agate at 127.0.0.2:502); choose one with --battery SITE/DEVICE", line, StringComparison.Ordinal);

        var chosen = await CliProcess.RunAsync(["agate", "status", "--config", config, "--battery", "home/agate", "--json", .. state]);
        Assert.True(chosen.ExitCode == 0, chosen.StdErr);
        var unknown = await CliProcess.RunAsync(["agate", "status", "--config", config, "--battery", "barn/agate", .. state]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no aGate barn/agate", unknown.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_names_a_command_another_modbus_client_holds()
    {
        await using (var modbus = new EnergyTap.Modbus.ModbusTcpClient(new EnergyTap.Modbus.ModbusClientOptions { Host = "127.0.0.1", Port = simulator.Endpoint.Port }))
        {
            await modbus.ConnectAsync();
            await modbus.WriteSingleRegisterAsync(1, (ushort)simulator.AddressOf("704.WSetPct"), unchecked((ushort)-600));
            await modbus.WriteSingleRegisterAsync(1, (ushort)simulator.AddressOf("704.WSetEna"), 1);
        }

        var status = await CliProcess.RunAsync(Target("agate", "status"));
        Assert.True(status.ExitCode == 0, status.StdErr);
        Assert.Contains("no EnergyTap command recorded: another Modbus client holds the battery", status.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_and_mode_print_json()
    {
        var health = await CliProcess.RunAsync(Target("agate", "health", "--samples", "2", "--spacing", "0.5", "--json"));
        Assert.Equal(0, health.ExitCode);
        Assert.True(JsonDocument.Parse(health.StdOut).RootElement.GetProperty("healthy").GetBoolean());

        var mode = await CliProcess.RunAsync(Target("agate", "mode", "--json"));
        Assert.Equal(0, mode.ExitCode);
        var root = JsonDocument.Parse(mode.StdOut).RootElement;
        Assert.Equal(2, root.GetProperty("mode").GetProperty("raw").GetInt32());
        Assert.Equal("Self-Consumption", root.GetProperty("mode").GetProperty("name").GetString());
        Assert.Empty(simulator.WriteLog);
    }

    [Fact]
    public async Task Health_recommendations_name_the_cli_command_to_run()
    {
        var off = await CliProcess.RunAsync(Target("agate", "pf", "off"));
        Assert.True(off.ExitCode == 0, off.StdErr);

        var health = await CliProcess.RunAsync(Target("agate", "health", "--samples", "1", "--json"));

        Assert.Equal(1, health.ExitCode);
        var finding = JsonDocument.Parse(health.StdOut).RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("code").GetString() == "pf-disabled");
        Assert.Equal("run 'energytap agate pf on'", finding.GetProperty("recommendation").GetString());
    }

    [Fact]
    public async Task A_corrupt_state_file_names_the_cli_command_that_checks_the_battery()
    {
        await File.WriteAllTextAsync(StateFile, "{ not json");

        var stop = await CliProcess.RunAsync(Target("agate", "stop"));

        Assert.Equal(1, stop.ExitCode);
        var line = Assert.Single(stop.StdErr.Trim().Split('\n'));
        Assert.StartsWith($"energytap: error: the command state file {StateFile} is corrupt (", line, StringComparison.Ordinal);
        Assert.EndsWith("); check the battery with 'energytap agate status' and delete the file", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_agate_prints_where_it_listens()
    {
        await using var child = EnergyTapChild.Start(["simulate", "agate", "--port", "0", "--batteries", "2"]);
        var line = await child.WaitForLineAsync("aGate simulator listening on ");
        Assert.Matches(@"^aGate simulator listening on 127\.0\.0\.1:\d+ ", line);
        var port = int.Parse(line.Split(' ')[4].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

        // It really serves: the SunSpec marker answers at PDU 0.
        await using var client = new Modbus.ModbusTcpClient(new Modbus.ModbusClientOptions { Host = "127.0.0.1", Port = port });
        var marker = await client.ReadHoldingRegistersAsync(1, 0, 2);
        Assert.Equal(new ushort[] { 0x5375, 0x6E53 }, marker);
    }

    /// <summary>Waits (polling the in-process simulator) until the child's command has landed on the battery.</summary>
    private async Task WaitForCommandAsync(double watts)
    {
        var waited = Stopwatch.StartNew();
        while (simulator.CommandWatts != watts)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"the command never reached the simulator (holds {simulator.CommandWatts})");
            await Task.Delay(50);
        }
    }
}
