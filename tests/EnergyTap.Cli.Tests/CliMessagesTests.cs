using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EnergyTap.Cli.Tests;

/// <summary>Refusals in plain words: never a .NET type name, a parameter name or a range that contradicts itself.</summary>
public class CliMessagesTests
{
    [Theory]
    [InlineData("--port: 'abc' is not a whole number", "demo", "--port", "abc")]
    [InlineData("--revert: 'abc' is not a whole number", "agate", "charge", "1000", "--host", "127.0.0.1", "--revert", "abc")]
    [InlineData("--firmware: 'foo' is not one of: legacy, varserver", "simulate", "pvs", "--firmware", "foo")]
    [InlineData("--timeout: 'soon' is not a number (e.g. 2.5)", "agate", "status", "--host", "127.0.0.1", "--timeout", "soon")]
    public async Task Values_that_do_not_parse_say_what_the_option_takes(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.Equal($"energytap: {expected} (see --help)", line);
    }

    [Theory]
    [InlineData("energytap: --host: 'ht!tp://bad' is not an http or https URL", "pvs", "info", "--host", "ht!tp://bad")]
    [InlineData("energytap: --timeout must be more than 0 and at most 300 seconds, not 0", "agate", "status", "--host", "127.0.0.1", "--timeout", "0")]
    [InlineData("energytap: --timeout must be more than 0 and at most 300 seconds, not 0", "sunspec", "scan", "--host", "127.0.0.1", "--timeout", "0")]
    [InlineData("energytap: --connect-timeout must be more than 0 and at most 300 seconds, not -1", "modbus", "read", "0", "--host", "127.0.0.1", "--connect-timeout", "-1")]
    [InlineData("energytap: --unit must be a Modbus unit id from 0 to 255, not 300", "agate", "status", "--host", "127.0.0.1", "--unit", "300")]
    [InlineData("energytap: --listen: 'pvs.local:80': 'pvs.local' is not an IP address", "proxy", "--upstream", "http://127.0.0.1:1/", "--listen", "pvs.local:80")]
    [InlineData("energytap: --listen: '127.0.0.1' must be address:port, e.g. 127.0.0.1:8080 or 0.0.0.0:80", "proxy", "--upstream", "http://127.0.0.1:1/", "--listen", "127.0.0.1")]
    public async Task Refused_values_are_one_plain_line(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.StdErr.Trim().Split('\n')));
        Assert.DoesNotContain("Parameter", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "the server answered 404 Not Found (it is not a PVS, or this PVS firmware does not offer it)")]
    [InlineData(503, "the PVS answered 503 (busy or restarting)")]
    public async Task A_web_server_that_is_not_a_healthy_PVS_is_named_plainly_without_a_backoff_clock(int status, string expected)
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        using var stop = new CancellationTokenSource();
        var answering = AnswerEveryRequestAsync(server, status, stop.Token);

        var result = await CliProcess.RunAsync("pvs", "info", "--host", $"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}");
        await stop.CancelAsync();
        await answering;

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("backing off", line, StringComparison.Ordinal);
    }

    private static async Task AnswerEveryRequestAsync(TcpListener server, int status, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                using var client = await server.AcceptTcpClientAsync(stop);
                var stream = client.GetStream();
                _ = await stream.ReadAsync(new byte[65536], stop); // one read holds the whole small request; its content does not matter
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), stop);
            }
        }
        catch (OperationCanceledException)
        {
            // the test is over
        }
    }
}
