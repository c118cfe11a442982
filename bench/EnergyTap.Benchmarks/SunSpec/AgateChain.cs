using EnergyTap.SunSpec.Images;

namespace EnergyTap.Benchmarks.SunSpec;

/// <summary>An aGate-shaped SunSpec chain at PDU 0: models 1, 701–715, 502; 1,128 registers up to the end marker.</summary>
public static class AgateChain
{
    public static SunSpecImage Build()
    {
        var builder = new SunSpecImageBuilder().Add(1, new Dictionary<string, object?> { ["Mn"] = "FranklinWH", ["Md"] = "aGate X", ["SN"] = "1005" });
        foreach (var id in new[] { 701, 702, 703, 704 })
        {
            builder.Add(id);
        }

        (int Id, string Outer, int OuterCount, int Points)[] curves =
            [(705, "NCrv", 4, 2), (706, "NCrv", 2, 4), (707, "NCrvSet", 2, 5), (708, "NCrvSet", 2, 5), (709, "NCrvSet", 2, 5), (710, "NCrvSet", 2, 5)];
        foreach (var (id, outer, count, points) in curves)
        {
            builder.Add(id, new Dictionary<string, object?> { [outer] = count, ["NPt"] = points });
        }

        return builder
            .Add(711, new Dictionary<string, object?> { ["NCtl"] = 3 })
            .Add(712, new Dictionary<string, object?> { ["NCrv"] = 1, ["NPt"] = 4 })
            .Add(713, new Dictionary<string, object?> { ["SoC"] = 80 })
            .Add(714, new Dictionary<string, object?> { ["NPrt"] = 1, ["Prt[1].DCW"] = -1500 })
            .Add(715)
            .Add(502)
            .Build(0);
    }
}
