using EnergyTap.SunSpec;

namespace EnergyTap.Simulators.Tests.Agate;

/// <summary>A grid outage: the aGate islands the home and says so in 701 St (offset 3 from the model ID).</summary>
public class AgateSimulatorOffGridTests
{
    [Fact]
    public async Task An_outage_clears_701_St_and_the_grid_carries_nothing()
    {
        await using var fixture = await AgateSimulatorFixture.StartAsync(o => o with { Batteries = 2 });
        var device = await fixture.ScanAsync();
        var st = device.Map.Resolve("701.St");
        Assert.Equal(device.Map.Find(701)!.Address + 3, st.Address);
        Assert.Equal((ushort)1, await fixture.ReadAsync("701.St"));

        fixture.Simulator.GridConnected = false;
        fixture.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal((ushort)0, await fixture.ReadAsync("701.St"));
        Assert.Equal((ushort)0, await fixture.ReadAsync("701.W"));
        var flow = fixture.Simulator.Flow;
        Assert.Equal(0, flow.GridWatts);
        Assert.Equal(flow.HomeLoadWatts, flow.SolarWatts + flow.BatteryWatts, 3);

        fixture.Simulator.GridConnected = true;
        fixture.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal((ushort)1, await fixture.ReadAsync("701.St"));
    }

    [Fact]
    public async Task It_can_start_in_an_outage()
    {
        await using var fixture = await AgateSimulatorFixture.StartAsync(o => o with { OffGrid = true });
        Assert.False(fixture.Simulator.GridConnected);
        Assert.Equal((ushort)0, await fixture.ReadAsync("701.St"));
    }
}
