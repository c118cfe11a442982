using EnergyTap.FranklinWH.Cloud.Gateways;
using EnergyTap.FranklinWH.Cloud.Stats;

namespace EnergyTap.FranklinWH.Tests.Cloud;

public class StatsTests
{
    [Fact]
    public async Task Runtime_data_becomes_typed_current_values_and_totals()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var stats = await bed.Client().GetStatsAsync(CloudTestBed.Gw1);

        Assert.False(stats.IsStale);
        var now = stats.Current!;
        Assert.Equal(7.5, now.SolarKw); // noon in the simulator's solar bell
        Assert.InRange(now.LoadKw!.Value, 0.3, 3);
        Assert.Equal(-5, now.BatteryKw); // surplus solar charges the battery: negative = charging
        Assert.Equal(GridConnection.Connected, now.GridConnection);
        Assert.Equal(now.LoadKw!.Value - now.SolarKw!.Value - now.BatteryKw!.Value, now.GridKw!.Value, 2);
        Assert.True(now.GeneratorEnabled);
        Assert.Equal(0, now.GeneratorStatus);
        Assert.Equal("Standby / OFF", now.GeneratorStatusText);
        Assert.True(now.V2lEnabled);
        Assert.Equal("Standby", now.V2lStatusText);
        Assert.Single(now.Batteries);
        Assert.Equal(2, stats.CurrentWorkMode);
        Assert.InRange(stats.Totals!.SolarKwh!.Value, 28.5, 28.8); // 7.5 kW bell from 06:00 to noon
        Assert.Equal(0, stats.Totals.GeneratorKwh);
        Assert.Equal(0, stats.Totals.GeneratorLoadKwh);
        Assert.Null(stats.Totals.V2lExportKwh);
    }

    [Fact]
    public async Task Off_grid_generator_runs_and_reports_production()
    {
        await using var bed = await CloudTestBed.StartAsync();
        bed.Simulator.SetOffGrid(CloudTestBed.Gw1, true);

        var stats = await bed.Client().GetStatsAsync(CloudTestBed.Gw1);

        Assert.Equal(GridConnection.OffGrid, stats.Current!.GridConnection);
        Assert.Equal("Running / ON", stats.Current.GeneratorStatusText);
        Assert.Equal(4.2, stats.Current.GeneratorKw);
        Assert.Equal(1, stats.Current.GeneratorRelay);
        Assert.Equal(3.1, stats.Totals!.GeneratorKwh);
        Assert.Equal(2.7, stats.Totals.GeneratorLoadKwh);
    }

    [Fact]
    public async Task Electrical_and_accessory_extras_fill_the_v2l_fields()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var stats = await bed.Client().GetStatsAsync(CloudTestBed.Gw1, new StatsQuery { IncludeElectrical = true, IncludeAccessories = true });

        Assert.Equal(0, stats.Current!.V2lRelay);
        Assert.Equal(0, stats.Current.V2lUseKw);
        Assert.Equal(14.2, stats.Totals!.V2lExportKwh);
        Assert.Equal(0, stats.Totals.V2lImportKwh);
    }

    [Fact]
    public async Task Valid_false_is_stale_with_the_last_fresh_values_not_zeros()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();
        var fresh = await client.GetStatsAsync(CloudTestBed.Gw1);
        bed.Simulator.StartValidFalseBurst(CloudTestBed.Gw1, 2);
        bed.Time.Advance(TimeSpan.FromMinutes(1));

        var stale1 = await client.GetStatsAsync(CloudTestBed.Gw1);
        var stale2 = await client.GetStatsAsync(CloudTestBed.Gw1);
        var again = await client.GetStatsAsync(CloudTestBed.Gw1);

        Assert.True(stale1.IsStale);
        Assert.True(stale2.IsStale);
        Assert.Equal(fresh.Current, stale1.Current);
        Assert.Equal(fresh.ValuesAt, stale1.ValuesAt);
        Assert.False(again.IsStale);
        Assert.True(again.ValuesAt > fresh.ValuesAt);
    }

    [Fact]
    public async Task Valid_false_before_any_fresh_poll_has_no_values_at_all()
    {
        await using var bed = await CloudTestBed.StartAsync();
        bed.Simulator.StartValidFalseBurst(CloudTestBed.Gw2, 1);

        var stats = await bed.Client().GetStatsAsync(CloudTestBed.Gw2);

        Assert.True(stats.IsStale);
        Assert.Null(stats.Current);
        Assert.Null(stats.Totals);
    }

    [Fact]
    public void State_lookups_name_every_documented_code()
    {
        Assert.Equal(["Standby / OFF", "Running / ON", "Cooldown", "Fault"], Enumerable.Range(0, 4).Select(i => GeneratorStates.Describe(i)));
        Assert.Equal(["Disabled", "Standby", "Discharging / Active", "Fault"], Enumerable.Range(0, 4).Select(i => V2lRunStates.Describe(i)));
        Assert.Equal("Unknown (9)", GeneratorStates.Describe(9));
    }

    [Fact]
    public async Task Several_gateways_need_a_choice()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        var gateways = await client.GetGatewaysAsync();
        var ambiguous = await Assert.ThrowsAsync<GatewayNotFoundException>(() => client.ResolveGatewayAsync(null));
        var chosen = await client.ResolveGatewayAsync(CloudTestBed.Gw2.ToLowerInvariant());
        var unknown = await Assert.ThrowsAsync<GatewayNotFoundException>(() => client.ResolveGatewayAsync("NOPE"));

        Assert.Equal([CloudTestBed.Gw1, CloudTestBed.Gw2, CloudTestBed.Gw3], gateways.Select(g => g.Id));
        Assert.Equal("Garage aGate", gateways[0].Name);
        Assert.All(gateways.Select(g => g.Id), id => Assert.Contains(id, ambiguous.Message, StringComparison.Ordinal));
        Assert.Equal(CloudTestBed.Gw2, chosen.Id);
        Assert.Contains("NOPE", unknown.Message, StringComparison.Ordinal);
        Assert.True(ambiguous.ChoiceNeeded);
        Assert.False(unknown.ChoiceNeeded);
        Assert.Equal("NOPE", unknown.RequestedId);
        Assert.StartsWith("this account has 3 gateways and none was chosen", ambiguous.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--", ambiguous.Message, StringComparison.Ordinal); // the CLI names its flag
    }

    [Fact]
    public async Task Each_gateway_has_its_own_stats()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        var withGenerator = await client.GetStatsAsync(CloudTestBed.Gw1);
        var without = await client.GetStatsAsync(CloudTestBed.Gw2);

        Assert.True(withGenerator.Current!.GeneratorEnabled);
        Assert.False(without.Current!.GeneratorEnabled);
    }
}
