using EnergyTap.FranklinWH.Agate.Reading;
using EnergyTap.Modbus;

namespace EnergyTap.Simulators.Tests.Agate;

public class AgateSimulatorQuirkTests
{
    private static ushort Pct(double percent) => unchecked((ushort)(short)(percent * 10));

    [Fact]
    public async Task WSetPct_sign_is_inverted_negative_charges()
    {
        await using var f = await AgateSimulatorFixture.StartAsync(o => o with { Site = o.Site with { InitialSocPercent = 50 } });
        await f.WriteAsync("704.WSetEna", 1);
        await f.WriteAsync("704.WSetPct", Pct(-40));
        Assert.Equal(-2000, f.Simulator.CommandWatts);

        f.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(f.Simulator.SocPercent > 50);
        Assert.Equal(-2000, f.Simulator.Flow.BatteryWatts, 1);

        await f.WriteAsync("704.WSetPct", Pct(40));
        Assert.Equal(2000, f.Simulator.CommandWatts);
        await f.WriteAsync("704.WSetEna", 0);
        Assert.Null(f.Simulator.CommandWatts);
    }

    [Fact]
    public async Task No_input_validation_1500_percent_is_accepted_and_clamped_by_the_hardware()
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        await f.WriteAsync("704.WSetEna", 1);
        await f.WriteAsync("704.WSetPct", Pct(1500));
        Assert.Equal(Pct(1500), await f.ReadAsync("704.WSetPct"));
        f.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(5000, f.Simulator.Flow.BatteryWatts, 1);
    }

    [Fact]
    public async Task WSetRvrtTms_counts_down_but_never_reverts()
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        await f.WriteAsync("704.WSetEna", 1);
        await f.WriteAsync("704.WSetPct", Pct(-20));
        await f.WriteAsync("704.WSetRvrtTms", 0, 60);
        var remaining = await f.Client.ReadHoldingRegistersAsync(1, (ushort)f.Simulator.AddressOf("704.WSetRvrtRem"), 2);
        Assert.Equal(60, remaining[1]);

        f.Clock.Advance(TimeSpan.FromSeconds(30));
        remaining = await f.Client.ReadHoldingRegistersAsync(1, (ushort)f.Simulator.AddressOf("704.WSetRvrtRem"), 2);
        Assert.Equal(30, remaining[1]);

        f.Clock.Advance(TimeSpan.FromSeconds(186));
        remaining = await f.Client.ReadHoldingRegistersAsync(1, (ushort)f.Simulator.AddressOf("704.WSetRvrtRem"), 2);
        Assert.Equal(0, remaining[1]);
        Assert.Equal(1, await f.ReadAsync("704.WSetEna"));
        Assert.Equal(-1000, f.Simulator.CommandWatts);
    }

    [Theory]
    [InlineData("704.WMaxLimPctEna", 1)]
    [InlineData("704.WMaxLimPct", 50)]
    [InlineData("704.VarSetEna", 1)]
    [InlineData("704.VarSetPct", 10)]
    [InlineData("704.WRmp", 100)]
    [InlineData("715.ControllerHb", 5)]
    [InlineData("715.OpCtl", 1)]
    [InlineData("715.LocRemCtl", 0)]
    [InlineData("702.WChaRteMax", 3000)]
    public async Task Writes_are_acknowledged_and_silently_discarded(string point, ushort value)
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        var before = await f.ReadAsync(point);
        await f.WriteAsync(point, value);
        Assert.Equal(before, await f.ReadAsync(point));
        var write = Assert.Single(f.Simulator.WriteLog);
        Assert.Contains(point, write.Discarded);
    }

    [Fact]
    public async Task PFWInjEna_is_writable_and_changes_the_power_factor()
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        Assert.Equal(1, await f.ReadAsync("704.PFWInjEna"));
        await f.WriteAsync("704.PFWInjEna", 0);
        Assert.Equal(0, await f.ReadAsync("704.PFWInjEna"));
        Assert.Equal(0.003, (double)f.Simulator.ReadPoint("701.PF").Value!, 3);
        Assert.Empty(f.Simulator.WriteLog.Single().Discarded);
    }

    [Fact]
    public async Task WSet_together_with_WSetPct_makes_the_mode_flicker()
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        await f.WriteAsync("704.WSetEna", 1);
        await f.WriteAsync("704.WSetPct", Pct(-40));
        await f.WriteAsync("704.WSet", 0, 1000);
        Assert.True(f.Simulator.Flickering);

        var modes = new HashSet<ushort>();
        var watts = new HashSet<double?>();
        for (var i = 0; i < 6; i++)
        {
            f.Clock.Advance(TimeSpan.FromSeconds(1));
            modes.Add(await f.ReadAsync("704.WSetMod"));
            watts.Add(f.Simulator.CommandWatts);
        }

        Assert.Equal(new ushort[] { 0, 1 }, modes.Order());
        Assert.Equal(new double?[] { -2000, -1000 }, watts.Order());
    }

    [Fact]
    public async Task Commands_persist_after_the_client_disconnects()
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        var endpoint = f.Simulator.Endpoint;
        await using (var other = new ModbusTcpClient(new ModbusClientOptions { Host = "127.0.0.1", Port = endpoint.Port }))
        {
            await other.WriteSingleRegisterAsync(2, (ushort)f.Simulator.AddressOf("704.WSetEna"), 1);
            await other.WriteSingleRegisterAsync(2, (ushort)f.Simulator.AddressOf("704.WSetPct"), Pct(30));
        }

        f.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await f.ReadAsync("704.WSetEna"));
        Assert.Equal(1500, f.Simulator.CommandWatts);
    }

    [Fact]
    public async Task Extension_registers_are_read_only_without_the_span_unlock()
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        await f.Client.WriteSingleRegisterAsync(1, AgateVendorRegisters.SelfReserve, 35);
        await f.Client.WriteSingleRegisterAsync(1, AgateVendorRegisters.OnGridMode, 1);
        Assert.Equal(20, await f.ReadRegisterAsync(AgateVendorRegisters.SelfReserve));
        Assert.Equal(2, await f.ReadRegisterAsync(AgateVendorRegisters.OnGridMode));
        Assert.All(f.Simulator.WriteLog, w => Assert.NotEmpty(w.Discarded));
    }

    [Fact]
    public async Task With_the_span_unlock_15509_mirrors_15508_and_writing_15507_resets_them()
    {
        await using var f = await AgateSimulatorFixture.StartAsync(o => o with { SpanUnlocked = true });
        await f.Client.WriteSingleRegisterAsync(1, AgateVendorRegisters.SelfReserve, 35);
        Assert.Equal(35, await f.ReadRegisterAsync(AgateVendorRegisters.SelfReserve));
        Assert.Equal(35, await f.ReadRegisterAsync(AgateVendorRegisters.TouReserve));

        await f.Client.WriteSingleRegisterAsync(1, AgateVendorRegisters.TouReserve, 50);
        Assert.Equal(35, await f.ReadRegisterAsync(AgateVendorRegisters.TouReserve));

        await f.Client.WriteSingleRegisterAsync(1, AgateVendorRegisters.OnGridMode, 3);
        Assert.Equal(3, await f.ReadRegisterAsync(AgateVendorRegisters.OnGridMode));
        Assert.Equal(20, await f.ReadRegisterAsync(AgateVendorRegisters.SelfReserve));
        Assert.Equal(20, await f.ReadRegisterAsync(AgateVendorRegisters.TouReserve));
    }
}
