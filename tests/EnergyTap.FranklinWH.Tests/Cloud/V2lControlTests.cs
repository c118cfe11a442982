using EnergyTap.FranklinWH.Cloud.Stats;
using EnergyTap.FranklinWH.Cloud.V2l;
using EnergyTap.Simulators.Cloud;
using Microsoft.Extensions.Logging;

namespace EnergyTap.FranklinWH.Tests.Cloud;

public class V2lControlTests
{
    [Fact]
    public async Task Without_the_opt_in_nothing_is_asked_or_written()
    {
        await using var bed = await CloudTestBed.StartAsync();
        bed.Simulator.SetOffGrid(CloudTestBed.Gw1, true);

        var ex = await Assert.ThrowsAsync<V2lRefusedException>(() => bed.Client().SetV2lModeAsync(CloudTestBed.Gw1, true, acceptSpeculative: false));

        Assert.Equal(V2lRefusal.NotOptedIn, ex.Reason);
        Assert.Equal(0, bed.Simulator.RequestCount("sendMqtt"));
    }

    [Fact]
    public async Task Ineligible_hardware_is_refused_with_the_reason()
    {
        await using var bed = await CloudTestBed.StartAsync();
        bed.Simulator.SetOffGrid(CloudTestBed.Gw3, true);

        var ex = await Assert.ThrowsAsync<V2lRefusedException>(() => bed.Client().SetV2lModeAsync(CloudTestBed.Gw3, true, acceptSpeculative: true));

        Assert.Equal(V2lRefusal.HardwareNotEligible, ex.Reason);
        Assert.Contains("AU", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, bed.Simulator.RequestCount("sendMqtt"));
    }

    [Fact]
    public async Task Unlicensed_gateway_is_refused()
    {
        var account = new SimulatedAccount("nolicence@energytap.invalid", "pw",
            [SimulatedGateway.SmartCircuitsV2("GW-NOLIC", "No licence") with { V2lLicensed = false, OffGrid = true }]);
        await using var bed = await CloudTestBed.StartAsync(o => o with { Accounts = [account] });

        var ex = await Assert.ThrowsAsync<V2lRefusedException>(() =>
            bed.Client(email: account.Email, password: account.Password).SetV2lModeAsync("GW-NOLIC", true, acceptSpeculative: true));

        // The accessory list names only the kind, so the gateway's own V2L flag is what tells: not enabled, refused.
        Assert.Contains(ex.Reason, new[] { V2lRefusal.NotLicensed, V2lRefusal.HardwareNotEligible });
        Assert.Contains("v2lModeEnable=0", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, bed.Simulator.RequestCount("sendMqtt"));
    }

    [Fact]
    public async Task On_grid_is_refused()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var ex = await Assert.ThrowsAsync<V2lRefusedException>(() => bed.Client().SetV2lModeAsync(CloudTestBed.Gw1, true, acceptSpeculative: true));

        Assert.Equal(V2lRefusal.NotOffGrid, ex.Reason);
        Assert.Equal(0, bed.Simulator.RequestCount("sendMqtt"));
    }

    [Fact]
    public async Task Stale_stats_are_refused_rather_than_guessed()
    {
        await using var bed = await CloudTestBed.StartAsync();
        bed.Simulator.SetOffGrid(CloudTestBed.Gw1, true);
        bed.Simulator.StartValidFalseBurst(CloudTestBed.Gw1, 1);

        var ex = await Assert.ThrowsAsync<V2lRefusedException>(() => bed.Client().SetV2lModeAsync(CloudTestBed.Gw1, true, acceptSpeculative: true));

        Assert.Equal(V2lRefusal.NoFreshStats, ex.Reason);
    }

    [Fact]
    public async Task With_every_prerequisite_met_it_patches_Sw3_and_logs_a_warning()
    {
        await using var bed = await CloudTestBed.StartAsync();
        bed.Simulator.SetOffGrid(CloudTestBed.Gw1, true);
        var client = bed.Client();

        var circuits = await client.SetV2lModeAsync(CloudTestBed.Gw1, true, acceptSpeculative: true);
        var written = bed.Simulator.LastMqttFrame!;
        var stats = await client.GetStatsAsync(CloudTestBed.Gw1, new StatsQuery { IncludeElectrical = true, IncludeAccessories = true });

        Assert.Equal(311, written.CmdType);
        Assert.Contains("\"Sw3Mode\":1", written.DataArea, StringComparison.Ordinal);
        Assert.Contains("\"Sw3ProLoad\":0", written.DataArea, StringComparison.Ordinal);
        Assert.Contains("\"Sw3MsgType\":1", written.DataArea, StringComparison.Ordinal);
        Assert.Contains("\"opt\":1", written.DataArea, StringComparison.Ordinal);
        Assert.Equal(2, circuits.V2lRunState);
        Assert.Equal("Discharging / Active", stats.Current!.V2lStatusText);
        Assert.Equal(1, stats.Current.V2lRelay);
        Assert.Equal(2.8, stats.Current.V2lUseKw);
        Assert.True(bed.Simulator.Gateway(CloudTestBed.Gw1).CircuitsOn[2]);
        Assert.Contains(bed.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("SPECULATIVE", StringComparison.Ordinal));
    }
}
