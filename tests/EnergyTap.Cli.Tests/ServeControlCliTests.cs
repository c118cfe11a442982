using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Json;
using System.Text.Json;
using EnergyTap.Simulators.Agate;
using Microsoft.Data.Sqlite;

namespace EnergyTap.Cli.Tests;

/// <summary>
/// `energytap agate charge|stop` while `energytap serve` commands the same aGate: the command goes through the
/// server's supervisor, and a server killed with SIGKILL mid-command still releases it after a restart.
/// Also what `serve` and `demo` print: one line for a start failure, no request chatter by default.
/// </summary>
public sealed class ServeControlCliTests : IAsyncLifetime
{
    private const string Token = "serve-control-test-token";
    private readonly string directory = Directory.CreateTempSubdirectory("energytap-serve-control-").FullName;
    private AgateSimulator simulator = null!;

    private string ConfigPath => Path.Combine(directory, "energytap.json");

    private string DatabasePath => Path.Combine(directory, "energytap.db");

    private string AgatePort => simulator.Endpoint.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>No token, no configuration in the user's home: each test says exactly what the CLI may use.</summary>
    private Dictionary<string, string?> Environment(string? token = Token) => new()
    {
        ["ENERGYTAP_CONFIG"] = Path.Combine(directory, "no-default-config.json"),
        ["ENERGYTAP_STATE_DIR"] = directory,
        ["ENERGYTAP_Server__ControlToken"] = token,
    };

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

    private async Task WriteConfigAsync(int listenPort) => await File.WriteAllTextAsync(ConfigPath, $$"""
        {
          "server": { "listen": "127.0.0.1:{{listenPort}}", "controlToken": "{{Token}}", "maxCommandMinutes": 30 },
          "storage": { "provider": "sqlite", "path": "{{DatabasePath}}" },
          "sites": [ { "id": "home", "agates": [ { "id": "agate", "host": "127.0.0.1", "port": {{AgatePort}}, "pollSeconds": 5 } ] } ]
        }
        """);

    /// <summary>serve shares the CLI's command record (ENERGYTAP_STATE_DIR) unless given a state folder of its own.</summary>
    private async Task<(EnergyTapChild Serve, Uri Url)> StartServeAsync(string? stateDirectory = null)
    {
        var environment = Environment();
        environment["ENERGYTAP_STATE_DIR"] = stateDirectory ?? directory;
        var serve = EnergyTapChild.Start(["serve", "--config", ConfigPath], environment);
        return (serve, await serve.WaitForUrlAsync("dashboard"));
    }

    private Task<CliProcess.Result> Cli(string? token, params string[] args) => CliProcess.RunAsync(Environment(token), TimeSpan.FromSeconds(60), args);

    [Fact]
    public async Task Charge_and_stop_go_through_the_server_named_by_url()
    {
        await WriteConfigAsync(0);
        var (serve, url) = await StartServeAsync();
        await using var _ = serve;

        var charge = await Cli(Token, "agate", "charge", "2000", "--server", url.ToString(), "--revert", "600", "--json");
        Assert.True(charge.ExitCode == 0, charge.StdErr);
        using (var json = JsonDocument.Parse(charge.StdOut))
        {
            Assert.Equal("home", json.RootElement.GetProperty("site").GetString());
            Assert.Equal("charge", json.RootElement.GetProperty("kind").GetString());
            Assert.InRange(json.RootElement.GetProperty("remainingSeconds").GetDouble(), 590, 600);
        }

        Assert.Equal(-2000, simulator.CommandWatts);     // the server's supervisor wrote it (aGate sign convention)
        var active = Assert.Single((await ControlStateAsync(url)).GetProperty("active").EnumerateArray());
        Assert.StartsWith("api:", active.GetProperty("actor").GetString(), StringComparison.Ordinal);

        var stop = await Cli(Token, "agate", "stop", "--server", url.ToString());
        Assert.True(stop.ExitCode == 0, stop.StdErr);
        Assert.Contains("Released the command on home/agate through the EnergyTap server", stop.StdOut, StringComparison.Ordinal);
        Assert.Null(simulator.CommandWatts);
        Assert.Empty((await ControlStateAsync(url)).GetProperty("active").EnumerateArray());
    }

    [Fact]
    public async Task A_stop_signal_releases_the_active_command_and_says_so()
    {
        // SIGTERM (what systemd and docker send) takes the same path as Ctrl-C; SIGINT cannot be used here because
        // test.sh runs the test projects as background jobs, and those inherit SIGINT as ignored.
        await WriteConfigAsync(0);
        var (serve, url) = await StartServeAsync();
        await using var _ = serve;
        var charge = await Cli(Token, "agate", "charge", "2000", "--server", url.ToString(), "--revert", "600");
        Assert.True(charge.ExitCode == 0, charge.StdErr);
        Assert.Equal(-2000, simulator.CommandWatts);

        Assert.Equal(0, await serve.SignalAndWaitAsync("-TERM"));

        Assert.Null(simulator.CommandWatts);
        Assert.Contains("stopping… releasing charge 2000 W on home/agate first", serve.StdErr, StringComparison.Ordinal);
        Assert.Contains("stopped: released charge 2000 W on home/agate; history is saved.", serve.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_or_an_excessive_power_writes_nothing()
    {
        await WriteConfigAsync(0);
        var (serve, url) = await StartServeAsync();
        await using var _ = serve;

        var wrongToken = await Cli("not-the-token", "agate", "charge", "2000", "--server", url.ToString(), "--revert", "60");
        Assert.Equal(1, wrongToken.ExitCode);
        Assert.Contains("a valid bearer token is required", wrongToken.StdErr, StringComparison.Ordinal);

        var tooMuch = await Cli(Token, "agate", "discharge", "90000", "--server", url.ToString(), "--revert", "60");
        Assert.Equal(1, tooMuch.ExitCode);
        Assert.Single(tooMuch.StdErr.Trim().Split('\n'));
        Assert.Contains("energytap: error: the EnergyTap server at", tooMuch.StdErr, StringComparison.Ordinal);

        var ramp = await Cli(Token, "agate", "charge", "2000", "--server", url.ToString(), "--ramp-target", "90", "--ramp-window", "5");
        Assert.Equal(2, ramp.ExitCode);
        Assert.Contains("add --direct", ramp.StdErr, StringComparison.Ordinal);

        Assert.Null(simulator.CommandWatts);
    }

    [Fact]
    public async Task The_configuration_routes_a_command_for_its_agate_through_a_running_server_and_falls_back_when_none_runs()
    {
        await WriteConfigAsync(LoopbackPort.Free());
        var target = new[] { "--host", "127.0.0.1", "--port", AgatePort, "--config", ConfigPath };

        // No server running: the command goes straight to the aGate, saying why.
        var direct = await Cli(null, ["agate", "idle", .. target]);
        Assert.True(direct.ExitCode == 0, direct.StdErr);
        Assert.Contains("no EnergyTap server answered", direct.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, simulator.CommandWatts);
        Assert.Equal(0, (await Cli(null, ["agate", "stop", .. target])).ExitCode);
        Assert.Null(simulator.CommandWatts);

        var (serve, _) = await StartServeAsync();
        await using var __ = serve;
        var routed = await Cli(null, ["agate", "discharge", "1500", "--revert", "300", .. target]);     // token from the configuration
        Assert.True(routed.ExitCode == 0, routed.StdErr);
        Assert.Contains("through the EnergyTap server", routed.StdOut, StringComparison.Ordinal);
        Assert.Equal(1500, simulator.CommandWatts);
    }

    [Fact]
    public async Task A_server_killed_during_a_timed_command_keeps_it_until_the_deadline_and_releases_it_after()
    {
        await WriteConfigAsync(0);
        var (serve, url) = await StartServeAsync();
        var charge = await Cli(Token, "agate", "charge", "2500", "--server", url.ToString(), "--revert", "900");
        Assert.True(charge.ExitCode == 0, charge.StdErr);
        await serve.KillAsync();     // SIGKILL: no clean stop, no release
        await serve.DisposeAsync();
        Assert.Equal(-2500, simulator.CommandWatts);

        // Restarted before the deadline: the command is still the server's, with the same deadline.
        var deadline = OpenDeadline();
        (serve, url) = await StartServeAsync();
        var carried = Assert.Single((await ControlStateAsync(url)).GetProperty("active").EnumerateArray());
        Assert.Equal(deadline, carried.GetProperty("deadline").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(-2500, simulator.CommandWatts);
        await serve.KillAsync();
        await serve.DisposeAsync();

        // The deadline passes while no server runs (moved into the past instead of waiting 15 minutes)...
        MoveOpenDeadline(DateTimeOffset.UtcNow.AddSeconds(-5));
        // ...and the next start releases it before serving anything.
        (serve, url) = await StartServeAsync();
        await using var _ = serve;
        Assert.Null(simulator.CommandWatts);
        Assert.Empty((await ControlStateAsync(url)).GetProperty("active").EnumerateArray());
        Assert.Equal(0, OpenCommands());
    }

    [Fact]
    public async Task Status_and_health_show_a_command_the_server_holds_with_its_deadline_and_owner()
    {
        await WriteConfigAsync(0);
        var (serve, url) = await StartServeAsync();
        await using var _ = serve;
        var charge = await Cli(Token, "agate", "charge", "2000", "--server", url.ToString(), "--revert", "300", "--json");
        Assert.True(charge.ExitCode == 0, charge.StdErr);
        var deadline = JsonDocument.Parse(charge.StdOut).RootElement.GetProperty("deadline").GetDateTimeOffset();

        // The shared record carries the server's deadline and names it, never "deadline": null.
        using (var record = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "agate-commands.json"))))
        {
            var entry = Assert.Single(record.RootElement.GetProperty("commands").EnumerateArray());
            Assert.Equal(deadline, entry.GetProperty("deadline").GetDateTimeOffset());
            Assert.StartsWith("EnergyTap server", entry.GetProperty("owner").GetString(), StringComparison.Ordinal);
        }

        var target = new[] { "--host", "127.0.0.1", "--port", AgatePort };
        var status = await Cli(null, ["agate", "status", .. target]);
        Assert.True(status.ExitCode == 0, status.StdErr);
        Assert.Contains($"reverts at {deadline.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z", status.StdOut, StringComparison.Ordinal);
        Assert.Contains("held by EnergyTap server", status.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("no revert", status.StdOut, StringComparison.Ordinal);

        var health = await Cli(null, ["agate", "health", "--samples", "1", .. target]);
        Assert.True(health.ExitCode == 0, health.StdOut + health.StdErr);
        Assert.DoesNotContain("zombie-control", health.StdOut, StringComparison.Ordinal);
        Assert.Equal(-2000, simulator.CommandWatts);     // read-only: the command is untouched
    }

    [Fact]
    public async Task Status_and_health_with_the_configuration_ask_its_server_when_the_server_keeps_its_record_elsewhere()
    {
        await WriteConfigAsync(LoopbackPort.Free());
        var elsewhere = Directory.CreateDirectory(Path.Combine(directory, "server-user-state")).FullName;     // a server run as another user
        var (serve, url) = await StartServeAsync(elsewhere);
        await using var _ = serve;
        var charge = await Cli(Token, "agate", "discharge", "1500", "--server", url.ToString(), "--revert", "300");
        Assert.True(charge.ExitCode == 0, charge.StdErr);
        Assert.False(File.Exists(Path.Combine(directory, "agate-commands.json")));

        var status = await Cli(null, "agate", "status", "--config", ConfigPath);     // no --host: the configuration's aGate
        Assert.True(status.ExitCode == 0, status.StdErr);
        Assert.Contains("discharge 1500 W reverts at", status.StdOut, StringComparison.Ordinal);
        Assert.Contains($"held by the EnergyTap server at {url}", status.StdOut, StringComparison.Ordinal);

        var health = await Cli(null, "agate", "health", "--samples", "1", "--config", ConfigPath);
        Assert.True(health.ExitCode == 0, health.StdOut + health.StdErr);
        Assert.DoesNotContain("zombie-control", health.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_named_by_url_takes_the_token_from_the_option_and_says_how_to_pass_a_missing_one()
    {
        await WriteConfigAsync(0);
        var (serve, url) = await StartServeAsync();
        await using var _ = serve;

        var missing = await Cli(null, "agate", "charge", "2000", "--server", url.ToString(), "--revert", "60");
        Assert.Equal(1, missing.ExitCode);
        var line = Assert.Single(missing.StdErr.Trim().Split('\n'));
        Assert.Contains("pass it with --token TOKEN or set ENERGYTAP_Server__ControlToken", line, StringComparison.Ordinal);
        Assert.Null(simulator.CommandWatts);

        var given = await Cli(null, "agate", "charge", "2000", "--server", url.ToString(), "--revert", "60", "--token", Token);
        Assert.True(given.ExitCode == 0, given.StdErr);
        Assert.Equal(-2000, simulator.CommandWatts);
        Assert.Equal(0, (await Cli(null, "agate", "stop", "--server", url.ToString(), "--token", Token)).ExitCode);
        Assert.Null(simulator.CommandWatts);
    }

    private static async Task<JsonElement> ControlStateAsync(Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) }; // generous: the suite shares 2 cores with every other test project
        return await http.GetFromJsonAsync<JsonElement>(new Uri(url, "api/control"));
    }

    private long OpenDeadline() => (long)Scalar("SELECT revert_deadline FROM control_commands WHERE released_at IS NULL")!;

    private long OpenCommands() => (long)Scalar("SELECT COUNT(*) FROM control_commands WHERE released_at IS NULL")!;

    private void MoveOpenDeadline(DateTimeOffset deadline) =>
        Scalar($"UPDATE control_commands SET revert_deadline = {deadline.ToUnixTimeMilliseconds()} WHERE released_at IS NULL");

    private object? Scalar(string sql)
    {
        SQLitePCL.Batteries_V2.Init();
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("serve")]
    public async Task A_port_in_use_is_one_line_without_a_stack_trace(string command)
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await WriteConfigAsync(port);

        var result = command == "demo"
            ? await CliProcess.RunAsync("demo", "--port", port.ToString())
            : await CliProcess.RunAsync("serve", "--config", ConfigPath);

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.Contains($"cannot listen on 127.0.0.1:{port}: the port is in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Requests_are_logged_only_with_verbose(bool verbose)
    {
        await WriteConfigAsync(0);
        await using var serve = EnergyTapChild.Start(verbose ? ["serve", "--config", ConfigPath, "--verbose"] : ["serve", "--config", ConfigPath]);
        var url = await serve.WaitForUrlAsync("dashboard");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) }; // generous: the suite shares 2 cores with every other test project
        for (var i = 0; i < 5; i++)
        {
            (await http.GetAsync(new Uri(url, "api/sites"))).EnsureSuccessStatusCode();
        }

        Assert.Equal(0, await serve.SignalAndWaitAsync("-TERM"));
        var requestLines = (serve.StdOut + serve.StdErr).Split('\n').Count(l => l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        if (verbose)
        {
            Assert.True(requestLines >= 5, $"--verbose should log the requests; output: {serve.StdOut}");
            // One clock in the log: UTC, in the same "u" form as times inside messages.
            Assert.All((serve.StdOut + serve.StdErr).Split('\n').Where(l => l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal)),
                line => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ (trce|dbug|info|warn|fail|crit): ", line));
        }
        else
        {
            Assert.Equal(0, requestLines);
        }
    }
}
