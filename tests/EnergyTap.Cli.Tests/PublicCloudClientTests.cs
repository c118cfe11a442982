using System.Diagnostics;
using System.Text.Json;
using EnergyTap.Simulators.Cloud;

namespace EnergyTap.Cli.Tests;

/// <summary>
/// Acceptance: a client written by a third party against the live cloud (Peers/franklin_public_client.py, stdlib
/// Python) works against `energytap simulate cloud` with nothing changed but its base URL.
/// </summary>
public sealed class PublicCloudClientTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task A_public_style_python_client_logs_in_reads_runtime_data_tou_list_and_sendMqtt_status()
    {
        Assert.True(File.Exists(Python), $"{Python} is needed for the public-client peer test");
        await using var simulator = EnergyTapChild.Start(["simulate", "cloud", "--port", "0"]);
        var line = await simulator.WaitForLineAsync("FranklinWH cloud simulator listening on ");
        var baseUrl = line["FranklinWH cloud simulator listening on ".Length..].Trim();

        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Peers", "franklin_public_client.py"), baseUrl, SimulatedAccount.DemoEmail, SimulatedAccount.DemoPassword })
        {
            start.ArgumentList.Add(arg);
        }

        using var peer = Process.Start(start)!;
        var stdout = peer.StandardOutput.ReadToEndAsync();
        var stderr = peer.StandardError.ReadToEndAsync();
        await peer.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(peer.ExitCode == 0, $"the public client failed: {await stderr}");
        using var json = JsonDocument.Parse(await stdout);
        var r = json.RootElement;
        Assert.Equal(SimulatedAccount.Demo.Gateways[0].Id, r.GetProperty("gateway").GetString());
        Assert.True(r.GetProperty("gridConnected").GetBoolean());
        Assert.Equal(r.GetProperty("currendId").GetInt64(), r.GetProperty("runtimeMode").GetInt64());
        Assert.Equal(r.GetProperty("activeModeName").GetString(), r.GetProperty("runtimeModeName").GetString());
        Assert.Equal(JsonValueKind.Number, r.GetProperty("solarKw").ValueKind);
        Assert.Equal(1, r.GetProperty("status").GetProperty("refreshData").GetInt32());
    }
}
