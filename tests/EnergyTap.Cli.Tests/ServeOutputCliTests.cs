using System.Net;
using System.Net.Sockets;
using EnergyTap.Simulators.Agate;

namespace EnergyTap.Cli.Tests;

/// <summary>What `serve` and `demo` print on the console: one line for a start failure, no request chatter by default.</summary>
public sealed class ServeOutputCliTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("energytap-serve-output-").FullName;
    private AgateSimulator simulator = null!;

    private string ConfigPath => Path.Combine(directory, "energytap.json");

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

    private Task WriteConfigAsync(int listenPort) => File.WriteAllTextAsync(ConfigPath, $$"""
        {
          "server": { "listen": "127.0.0.1:{{listenPort}}" },
          "storage": { "provider": "sqlite", "path": "{{Path.Combine(directory, "energytap.db")}}" },
          "sites": [ { "id": "home", "agates": [ { "id": "agate", "host": "127.0.0.1", "port": {{simulator.Endpoint.Port}}, "pollSeconds": 5 } ] } ]
        }
        """);

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
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < 5; i++)
        {
            (await http.GetAsync(new Uri(url, "api/sites"))).EnsureSuccessStatusCode();
        }

        Assert.Equal(0, await serve.SignalAndWaitAsync("-TERM"));
        var requestLines = (serve.StdOut + serve.StdErr).Split('\n').Count(l => l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        if (verbose)
        {
            Assert.True(requestLines >= 5, $"--verbose should log the requests; output: {serve.StdOut}");
        }
        else
        {
            Assert.Equal(0, requestLines);
        }
    }
}
