using EnergyTap.Simulators.Pvs;
using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower.Tests.Simulator;

public class TelemetrySimulatorTests
{
    [Fact]
    public async Task Telemetry_is_refused_until_enabled_then_streams_livedata()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2 });
        await using var client = await site.ConnectAsync();
        var url = site.Pvs.TelemetryUrl!;

        var refused = await Assert.ThrowsAsync<PvsUnavailableException>(async () =>
        {
            await foreach (var _ in client.StreamTelemetryAsync(url))
            {
            }
        });
        Assert.Contains("telemetryws/enable", refused.Message, StringComparison.Ordinal);

        await client.Varserver!.SetAsync("/sys/telemetryws/enable", "1");
        Assert.True(site.Pvs.TelemetryEnabled);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        PvsLiveData? first = null;
        await foreach (var live in client.StreamTelemetryAsync(url, limit.Token))
        {
            first = live;
            break;
        }

        Assert.NotNull(first);
        Assert.Equal(PvsLiveDataSource.Telemetry, first.Source);
        Assert.NotNull(first.PvPower);
    }

    [Fact]
    public async Task Legacy_firmware_has_no_telemetry()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 1 });
        await using var client = await site.ConnectAsync();
        Assert.Throws<PvsCommandNotSupportedException>(() => client.StreamTelemetryAsync());
    }
}
