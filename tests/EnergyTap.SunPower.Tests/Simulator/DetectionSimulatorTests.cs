using EnergyTap.Simulators.Pvs;
using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower.Tests.Simulator;

/// <summary>
/// Generation detection against the simulated PVS in the shapes real units answer: behind a plain-http bridge
/// on one port given as host:port, without supervisor/info, old firmware answering 403, LocalAPI without a serial.
/// </summary>
public class DetectionSimulatorTests
{
    private static string HostPort(SimulatedSite site) => $"127.0.0.1:{site.Pvs.BaseUrl.Port}";

    [Fact]
    public async Task A_legacy_PVS_behind_a_plain_http_bridge_given_as_host_port_is_legacy()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Inverters = 3, SupervisorInfoMissing = true });
        await using var client = await PvsClient.ConnectAsync(HostPort(site), site.ClientOptions());

        Assert.Equal(PvsGeneration.Legacy, client.Generation);
        Assert.Equal(3, (await client.GetDevicesAsync()).Inverters.Count());
        Assert.Equal(0, client.Stats.ConsecutiveFailures); // the failed https probe started no backoff
    }

    [Fact]
    public async Task Old_firmware_answering_403_on_the_LocalAPI_paths_is_legacy_when_dl_cgi_answers()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Inverters = 2, SupervisorInfoMissing = true, LocalApiForbidden = true });
        foreach (var address in new[] { site.Address, HostPort(site) })
        {
            await using var client = await PvsClient.ConnectAsync(address, site.ClientOptions());
            Assert.Equal(PvsGeneration.Legacy, client.Generation);
            Assert.Null(client.Varserver);
        }

        await using var reading = await PvsClient.ConnectAsync(site.Address, site.ClientOptions());
        Assert.Equal(2, (await reading.GetDevicesAsync()).Inverters.Count());
        Assert.Equal(0, site.Pvs.Requests[PvsRequestCounters.Login]);
    }

    [Fact]
    public async Task LocalAPI_without_supervisor_info_or_serial_is_found_and_logged_into_with_the_serial_it_tells()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 4, SupervisorInfoMissing = true });
        await using var client = await site.ConnectAsync();

        Assert.Equal(PvsGeneration.Varserver, client.Generation);
        Assert.Null(client.SupervisorInfo);
        var snapshot = await client.GetDevicesAsync();
        Assert.Equal(site.Pvs.Serial, snapshot.Supervisor!.Serial);
        Assert.Equal(4, snapshot.Inverters.Count());
        Assert.Equal(1, client.Stats.Logins);
    }

    [Fact]
    public async Task LocalAPI_over_plain_http_given_as_host_port_is_reached_over_http()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2 });
        await using var client = await PvsClient.ConnectAsync(HostPort(site), site.ClientOptions());

        Assert.Equal(PvsGeneration.Varserver, client.Generation);
        Assert.Equal("http", client.Endpoint.VarserverBase.Scheme);
        Assert.NotNull((await client.GetLiveDataAsync()).PvPower);
    }

    [Fact]
    public async Task A_LocalAPI_forced_by_the_caller_needs_no_serial_either()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2 });
        await using var client = await PvsClient.ConnectAsync(site.Address, site.ClientOptions() with { Generation = PvsGeneration.Varserver });

        Assert.Equal(site.Pvs.Serial, await client.Varserver!.ReadSerialAsync());
        Assert.Equal(2, (await client.GetDevicesAsync()).Inverters.Count());
    }

    [Fact]
    public async Task Nothing_listening_is_one_clear_error_naming_both_schemes()
    {
        var port = FreePort();
        var error = await Assert.ThrowsAsync<PvsUnavailableException>(() => PvsClient.ConnectAsync($"127.0.0.1:{port}", new PvsClientOptions()));
        Assert.Contains("cannot reach the PVS", error.Message, StringComparison.Ordinal);
        Assert.Contains($"https://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
