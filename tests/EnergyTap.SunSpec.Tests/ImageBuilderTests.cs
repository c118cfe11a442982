using EnergyTap.SunSpec.Codecs;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Images;
using EnergyTap.SunSpec.Tests.Fakes;

namespace EnergyTap.SunSpec.Tests;

public class ImageBuilderTests
{
    [Fact]
    public void The_image_has_marker_headers_points_and_end_marker()
    {
        var image = new SunSpecImageBuilder()
            .Add(713, new Dictionary<string, object?> { ["SoC"] = 55.5, ["Pct_SF"] = -1, ["WH_SF"] = new RawValue(1), ["WHRtg"] = 13600 })
            .Build(40000);

        Assert.Equal(new ushort[] { 0x5375, 0x6E53, 713, 7, 1360, 0xFFFF, 555, 0xFFFF, 0xFFFF, 1, 0xFFFF, 0xFFFF, 0 }, image.ToArray());
        Assert.Equal(40002, image.Map.Find(713)!.Address);
        Assert.Equal(40006, image.Locate("713.SoC").Address);
        Assert.Equal(40011, image.Map.EndAddress);
    }

    [Fact]
    public void Get_and_set_work_in_human_units_on_the_image()
    {
        var image = AgateLikeImage.Build();

        image.Set("704.WSetPct", -60);
        image.Set("704.WSetEna", "ENABLED");

        Assert.Equal(-60.0, image.Get("704.WSetPct").Value);
        Assert.Equal("ENABLED", image.Get("704.WSetEna").Symbol);
        Assert.Equal(unchecked((ushort)-60), image.Registers[324]);
    }

    [Fact]
    public void Decode_reads_a_point_from_any_register_source_with_its_scale_factor()
    {
        var image = AgateLikeImage.Build();
        var bank = image.ToArray();
        var soc = image.Locate("713.SoC");
        bank[soc.Address] = 42;

        Assert.Equal(42.0, SunSpecImage.Decode(soc, a => bank[a]).Value);
    }

    [Fact]
    public void A_value_for_a_point_the_model_lacks_is_refused()
    {
        var builder = new SunSpecImageBuilder().Add(713, new Dictionary<string, object?> { ["Nope"] = 1 });

        var ex = Assert.Throws<SunSpecPointException>(() => builder.Build());
        Assert.Contains("no point 'Nope'", ex.Message);
    }

    [Fact]
    public async Task A_scan_of_a_built_image_reads_back_every_value_given()
    {
        var image = AgateLikeImage.Build(baseAddress: 40000, batteries: 3);

        var device = await SunSpecScanner.ScanAsync(RegisterBankClient.From(image));

        Assert.Equal(image.Map.Models.Select(m => (m.Id, m.Address, m.Length)), device.Map.Models.Select(m => (m.Id, m.Address, m.Length)));
        Assert.Equal("FranklinWH Technologies Co., Ltd", device.Latest.Read("1.Mn").Value);
        Assert.Equal(60.0, device.Latest.Read("701.Hz").Value);
        Assert.Equal(1.0, device.Latest.Read("704.PFWInj.PF").Value);
        Assert.Equal(3L, device.Latest.Read("714.NPrt").Value);
        Assert.Equal(-4500.0, device.Latest.Read("714.DCW").Value);
        Assert.Null(device.Latest.Read("714.DCA").Value); // not given: not implemented
    }
}
