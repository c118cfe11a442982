using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Images;
using EnergyTap.SunSpec.Points;
using EnergyTap.SunSpec.Tests.Fakes;

namespace EnergyTap.SunSpec.Tests;

public class PointAddressTests
{
    private static readonly SunSpecMap Map = AgateLikeImage.Build(batteries: 2).Map;

    [Theory]
    [InlineData("704.WSetPct", 324)]
    [InlineData("704.WSetEna", 318)]
    [InlineData("704.PFWInj.PF", 355)]
    [InlineData("704.PFWInj[1].Ext", 356)]
    [InlineData("1.SN", 52)]
    [InlineData("714.Prt[1].DCW", 1042 + 20 + 12)]
    [InlineData("714.Prt[2].DCW", 1042 + 20 + 25 + 12)]
    [InlineData("714.prt[2].dcw", 1042 + 20 + 25 + 12)]
    [InlineData("705.Crv[2].Pt[1].V", 363 + 15 + 14 + 10)]
    public void Point_names_resolve_to_pdu_addresses(string name, int address)
    {
        Assert.Equal(address, Map.Resolve(name).Address);
    }

    [Fact]
    public void Nested_repeating_groups_are_addressed_with_one_based_indexes()
    {
        var point = Map.Resolve("707.Crv[2].MayTrip.Pt[5].Tms");

        Assert.Equal("Crv[2].MayTrip.Pt[5].Tms", point.Name);
        Assert.Equal("Tms_SF", point.ScaleFactorPoint!.Name);
    }

    [Theory]
    [InlineData("714.Prt[3].DCW", "index 3 is out of range; this device has Prt[1]..Prt[2] (indexes start at 1)")]
    [InlineData("714.Prt[0].DCW", "index 0 is out of range")]
    [InlineData("714.Prt.DCW", "Prt repeats; give a 1-based index")]
    [InlineData("704.PFWInj[2].PF", "PFWInj occurs once")]
    [InlineData("704.NoSuch", "no point 'NoSuch'")]
    [InlineData("999.X", "this device has no model 999")]
    [InlineData("WSetPct", "is not a point name")]
    [InlineData("704.Prt[1]", "ends in a group")]
    [InlineData("704.W Set", "is not a point or group name")]
    public void Bad_names_say_what_is_wrong(string name, string message)
    {
        var ex = Assert.Throws<SunSpecPointException>(() => Map.Resolve(name));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public async Task Scale_factors_are_looked_up_in_the_same_group_first()
    {
        // 714's Prt[i].DCW uses DCW_SF of the model; 705's Crv[i].Pt[j].V uses the model's V_SF.
        var image = AgateLikeImage.Build(batteries: 2);
        var device = await SunSpecScanner.ScanAsync(RegisterBankClient.From(image), new SunSpecScanOptions { BaseAddress = 0 });

        Assert.Equal(-1500.0, device.Latest.Read("714.Prt[2].DCW").Value);
        Assert.Equal(53.2, device.Latest.Read("714.Prt[2].DCV").Value);
        Assert.Equal("ESS", device.Latest.Read("714.Prt[1].PrtTyp").Symbol);
        Assert.Equal("aPower 2", device.Latest.Read("714.Prt[2].IDStr").Value);
        Assert.Equal(device.Map.Resolve("714.DCW_SF"), device.Map.Resolve("714.Prt[1].DCW").ScaleFactorPoint);
    }

    [Fact]
    public void Fill_groups_repeat_as_often_as_L_allows()
    {
        var image = new SunSpecImageBuilder()
            .Add(160, new Dictionary<string, object?> { ["module[3].DCW"] = 300, ["DCW_SF"] = 0 }, new Dictionary<string, int> { ["module"] = 3 })
            .Build(40000);

        var model = Assert.Single(image.Map.Models);
        Assert.Equal(8 + 3 * 20, model.Length);
        Assert.Equal(300.0, image.Get("160.module[3].DCW").Value);
        Assert.Throws<SunSpecPointException>(() => image.Locate("160.module[4].DCW"));
    }

    [Fact]
    public void Points_in_a_register_range_are_found_for_write_hooks()
    {
        var touched = Map.PointsIn(318, 7).Select(p => p.FullName);

        Assert.Equal(["704.WSetEna", "704.WSetMod", "704.WSet", "704.WSetRvrt", "704.WSetPct"], touched);
        Assert.Equal(["704.WSet"], Map.PointsIn(321, 1).Select(p => p.FullName));
    }
}
