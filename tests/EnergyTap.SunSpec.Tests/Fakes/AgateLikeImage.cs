using EnergyTap.SunSpec.Images;

namespace EnergyTap.SunSpec.Tests.Fakes;

/// <summary>
/// A register image shaped like a FranklinWH aGate: "SunS" at PDU 0, models 1, 701–715, 502, end marker at 1126
/// (the addresses in facts/franklinwh.md: 704 at 296, 713 at 1033, 715 at 1087, 502 at 1096).
/// </summary>
public static class AgateLikeImage
{
    public static SunSpecImage Build(int baseAddress = 0, int batteries = 1)
    {
        var builder = new SunSpecImageBuilder()
            .Add(1, new Dictionary<string, object?>
            {
                ["Mn"] = "FranklinWH Technologies Co., Ltd",
                ["Md"] = "aGate X",
                ["Vr"] = "V10R01B04D00",
                ["SN"] = "10050012345678",
                ["DA"] = 1,
            })
            .Add(701, new Dictionary<string, object?> { ["W"] = 1234, ["W_SF"] = 0, ["Hz"] = 60.0, ["Hz_SF"] = -2 })
            .Add(702, new Dictionary<string, object?> { ["WMaxRtg"] = 10000, ["WChaRteMaxRtg"] = 5000, ["WDisChaRteMaxRtg"] = 5000 })
            .Add(703)
            .Add(704, new Dictionary<string, object?>
            {
                ["PFWInjEna"] = "ENABLED",
                ["WSetEna"] = 0,
                ["WSetMod"] = "W_MAX_PCT",
                ["WSetPct"] = 0,
                ["WSetPct_SF"] = 0,
                ["PF_SF"] = -3,
                ["PFWInj.PF"] = 1.0,
            })
            .Add(705, new Dictionary<string, object?> { ["NCrv"] = 4, ["NPt"] = 2 })
            .Add(706, new Dictionary<string, object?> { ["NCrv"] = 2, ["NPt"] = 4 })
            .Add(707, new Dictionary<string, object?> { ["NCrvSet"] = 2, ["NPt"] = 5 })
            .Add(708, new Dictionary<string, object?> { ["NCrvSet"] = 2, ["NPt"] = 5 })
            .Add(709, new Dictionary<string, object?> { ["NCrvSet"] = 2, ["NPt"] = 5 })
            .Add(710, new Dictionary<string, object?> { ["NCrvSet"] = 2, ["NPt"] = 5 })
            .Add(711, new Dictionary<string, object?> { ["NCtl"] = 3 })
            .Add(712, new Dictionary<string, object?> { ["NCrv"] = 1, ["NPt"] = 4 })
            .Add(713, new Dictionary<string, object?> { ["WHRtg"] = 13600, ["SoC"] = 87, ["SoH"] = 100, ["Sta"] = "OK" })
            .Add(714, Battery(batteries))
            .Add(715, new Dictionary<string, object?> { ["LocRemCtl"] = "LOCAL" })
            .Add(502, new Dictionary<string, object?> { ["Stat"] = "MPPT", ["OutPw"] = 2500 });
        return builder.Build(baseAddress);
    }

    private static Dictionary<string, object?> Battery(int count)
    {
        var values = new Dictionary<string, object?> { ["NPrt"] = count, ["DCW_SF"] = 0, ["DCV_SF"] = -1, ["DCW"] = -1500 * count };
        for (var i = 1; i <= count; i++)
        {
            values[$"Prt[{i}].PrtTyp"] = "ESS";
            values[$"Prt[{i}].IDStr"] = $"aPower {i}";
            values[$"Prt[{i}].DCW"] = -1500;
            values[$"Prt[{i}].DCV"] = 51.2 + i;
        }

        return values;
    }
}
