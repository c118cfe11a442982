using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EnergyTap.Cli.Tests;

public partial class SimulatePvsCliTests
{
    [GeneratedRegex(@"listening on (https?://\S+)")]
    private static partial Regex ListeningOn();

    [Fact]
    public async Task Simulate_pvs_prints_its_url_and_serves_supervisor_info_until_killed()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "energytap.dll"), "simulate", "pvs", "--port", "0", "--telemetry-port", "0", "--firmware", "varserver", "--serial", "ZT184585000549A0069" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start energytap");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            Uri? url = null;
            while (url is null)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"energytap exited early: {await process.StandardError.ReadToEndAsync()}");
                if (ListeningOn().Match(line) is { Success: true } match)
                {
                    url = new Uri(match.Groups[1].Value);
                }
            }

            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            var info = JsonDocument.Parse(await http.GetStringAsync("cgi-bin/dl_cgi/supervisor/info", timeout.Token)).RootElement;

            Assert.Equal("127.0.0.1", url.Host);
            Assert.Equal("ZT184585000549A0069", info.GetProperty("supervisor").GetProperty("SERIAL").GetString());
            Assert.Equal("PVS6", info.GetProperty("supervisor").GetProperty("MODEL").GetString());
            Assert.False(process.HasExited);
            var details = new[]
            {
                await process.StandardOutput.ReadLineAsync(timeout.Token),
                await process.StandardOutput.ReadLineAsync(timeout.Token),
            };
            Assert.Contains(details, line => line?.Contains("password A0069", StringComparison.Ordinal) == true);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Ess_on_a_pvs5_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("simulate", "pvs", "--firmware", "legacy", "--model", "PVS5", "--ess", "--port", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--ess", result.StdErr);
        Assert.Single(result.StdErr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Firmware_is_required()
    {
        var result = await CliProcess.RunAsync("simulate", "pvs", "--port", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--firmware", result.StdErr);
    }
}
