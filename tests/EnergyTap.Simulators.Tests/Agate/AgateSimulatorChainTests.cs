using EnergyTap.FranklinWH.Agate.Reading;

namespace EnergyTap.Simulators.Tests.Agate;

public class AgateSimulatorChainTests
{
    [Fact]
    public async Task Chain_sits_at_the_documented_addresses_on_unit_1_and_2()
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        foreach (byte unit in new byte[] { 1, 2 })
        {
            var device = await f.ScanAsync(unit);
            var map = device.Map;
            Assert.Equal(0, map.BaseAddress);
            Assert.Equal([1, 701, 702, 703, 704, 705, 706, 707, 708, 709, 710, 711, 712, 713, 714, 715, 502], map.Models.Select(m => m.Id));
            var expected = new Dictionary<int, int> { [1] = 2, [701] = 70, [702] = 225, [703] = 277, [704] = 296, [713] = 1033, [715] = 1087, [502] = 1096 };
            foreach (var (id, address) in expected)
            {
                Assert.Equal(address, map.Find(id)!.Address);
            }

            Assert.Equal(1126, map.EndAddress);
            Assert.Equal(318, map.Resolve("704.WSetEna").Address);
            Assert.Equal(324, map.Resolve("704.WSetPct").Address);
            Assert.Equal(327, map.Resolve("704.WSetRvrtTms").Address);
            Assert.Equal(298, map.Resolve("704.PFWInjEna").Address);

            var snapshot = device.Latest;
            Assert.Equal("FranklinWH Technologies Co., Ltd", snapshot.Read("1.Mn").Value);
            Assert.Equal("aGate X", snapshot.Read("1.Md").Value);
            Assert.Equal("V10R01B04D00", snapshot.Read("1.Vr").Value);
        }
    }

    [Fact]
    public async Task Each_battery_adds_a_prt_block()
    {
        await using var f = await AgateSimulatorFixture.StartAsync(o => o with { Batteries = 3 });
        var device = await f.ScanAsync();
        var m714 = device.Map.Find(714)!;
        Assert.Equal(18 + 3 * 25, m714.Length);
        Assert.Equal(3L, device.Latest.Read("714.NPrt").Value);
        Assert.Equal("aPower3", device.Latest.Read("714.Prt[3].IDStr").Value);
        Assert.Equal(15_000.0, device.Latest.Read("702.WChaRteMaxRtg").Value);
        Assert.Equal(1126 + 50, device.Map.EndAddress);
    }

    [Fact]
    public async Task Vendor_registers_follow_the_site_with_dropouts_and_a_mirrored_reserve()
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        Assert.Equal(20, await f.ReadRegisterAsync(AgateVendorRegisters.SelfReserve));
        Assert.Equal(20, await f.ReadRegisterAsync(AgateVendorRegisters.TouReserve));
        Assert.Equal(2, await f.ReadRegisterAsync(AgateVendorRegisters.OnGridMode));

        var load = await f.ReadRegisterAsync(AgateVendorRegisters.HomeLoadWatts);
        Assert.Equal(f.Simulator.Flow.HomeLoadWatts, load, 0);
        Assert.Equal(0, await f.ReadRegisterAsync(AgateVendorRegisters.HomeLoadCoarseWatts) % 100);

        var solar = new List<ushort>();
        for (var i = 0; i < 100; i++)
        {
            solar.Add(await f.ReadRegisterAsync(AgateVendorRegisters.SolarWatts));
        }

        var dropouts = solar.Count(v => v == 0xFFFF);
        Assert.InRange(dropouts, 25, 60);
        Assert.All(solar.Where(v => v != 0xFFFF), v => Assert.Equal(f.Simulator.Flow.SolarWatts, v, 0));
    }

    [Fact]
    public async Task Broken_reads_sta_always_zero_dca_zero_pcs_settings_ffff()
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        await f.WriteAsync("704.WSetEna", 1);
        await f.WriteAsync("704.WSetPct", unchecked((ushort)-400));
        f.Clock.Advance(TimeSpan.FromSeconds(30));
        var device = await f.ScanAsync();
        var s = device.Latest;
        Assert.Equal(0L, s.Read("713.Sta").Value);
        Assert.Equal(0.0, s.Read("714.DCA").Value);
        Assert.Equal(0.0, s.Read("714.Prt[1].DCA").Value);
        Assert.True((double)s.Read("714.DCW").Value! < -50);
        Assert.Null(s.Read("702.WChaRteMax").Value);
        Assert.Null(s.Read("702.WDisChaRteMax").Value);
        Assert.Equal(1L, s.Read("715.LocRemCtl").Value);
    }
}
