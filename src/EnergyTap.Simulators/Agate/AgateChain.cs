using EnergyTap.Simulators.Agate.Physics;
using EnergyTap.SunSpec.Images;

namespace EnergyTap.Simulators.Agate;

/// <summary>
/// The aGate X's SunSpec chain as the real device lays it out: "SunS" at PDU 0, then models 1, 701–715,
/// 502 and the end marker. Curve counts in 705–712 are chosen so the documented addresses hold
/// (M1 @2, M701 @70, M702 @225, M703 @277, M704 @296, M713 @1033, M715 @1087, M502 @1096 and the end
/// marker @1126 with one battery); each extra battery adds a 25-register Prt block to 714.
/// </summary>
internal static class AgateChain
{
    public const string Manufacturer = "FranklinWH Technologies Co., Ltd";
    public const string Model = "aGate X";

    // Scale factors the simulated firmware uses; clients must read them, never assume them.
    public const int WSetPctScale = -1;

    public static SunSpecImage Build(AgateSimulatorOptions options, AgatePhysicsOptions site)
    {
        var ratedW = site.TotalRatedWatts;
        var capacityWh = site.BatteryCapacityWh * options.Batteries;

        // Ratings of a large site do not fit a uint16 at SF 0; firmware coarsens the scale factor instead.
        var ratingScale = ratedW > 65_534 ? 1 : 0;
        var energyScale = capacityWh > 65_534 ? 1 : 0;

        // The facts name only 701 W and 714 DCW as wrapping; 502 (solar) is kept in range by its scale factor.
        var solarScale = site.SolarPeakWatts > 32_767 ? 1 : 0;
        var builder = new SunSpecImageBuilder()
            .Add(1, new Dictionary<string, object?>
            {
                ["Mn"] = Manufacturer,
                ["Md"] = Model,
                ["Opt"] = "aPower x" + options.Batteries,
                ["Vr"] = options.Firmware,
                ["SN"] = $"10060006A0{options.Seed:D10}"[..20],
                ["DA"] = 1,
            })
            .Add(701, new Dictionary<string, object?>
            {
                ["ACType"] = "SPLIT_PHASE",
                // St (offset 3 from the model ID) is the grid-state signal hardware tests found: 1 on the grid,
                // 0 in an outage. What ConnSt does on the device is not known, so it is left not implemented.
                ["St"] = "ON",
                ["InvSt"] = "RUNNING",
                ["W_SF"] = 0, ["VA_SF"] = 0, ["Var_SF"] = 0, ["PF_SF"] = -3, ["A_SF"] = -1,
                ["V_SF"] = -1, ["Hz_SF"] = -2, ["TotWh_SF"] = 0, ["Tmp_SF"] = -1,
                ["PF"] = 1.0, ["LLV"] = 240.0, ["LNV"] = 120.0, ["Hz"] = 60.0,
            })
            .Add(702, new Dictionary<string, object?>
            {
                ["W_SF"] = ratingScale, ["PF_SF"] = -3, ["VA_SF"] = 0, ["Var_SF"] = 0, ["V_SF"] = -1, ["A_SF"] = -1,
                ["WMaxRtg"] = 10_000.0, ["VAMaxRtg"] = 10_000.0,
                ["WChaRteMaxRtg"] = ratedW, ["WDisChaRteMaxRtg"] = ratedW,
                ["VNomRtg"] = 240.0, ["AMaxRtg"] = 50.0,
                // Quirk: the PCS settings WChaRteMax/WDisChaRteMax are left out, so they read 0xFFFF.
            })
            .Add(703)
            .Add(704, new Dictionary<string, object?>
            {
                ["PFWInjEna"] = 1, ["WMaxLimPctEna"] = 0, ["WSetEna"] = 0, ["WSetMod"] = 0, ["WSet"] = 0.0,
                ["WSetPct"] = 0.0, ["WSetRvrtTms"] = 0, ["WSetRvrtRem"] = 0, ["VarSetEna"] = 0, ["WRmp"] = 0,
                ["PF_SF"] = -3, ["WMaxLimPct_SF"] = 0, ["WSet_SF"] = 0, ["WSetPct_SF"] = WSetPctScale,
                ["VarSet_SF"] = 0, ["VarSetPct_SF"] = 0,
            })
            .Add(705, Counts(("NCrv", 2), ("NPt", 3)))
            .Add(706, Counts(("NCrv", 2), ("NPt", 6)))
            .Add(707, Counts(("NCrvSet", 2), ("NPt", 5)))
            .Add(708, Counts(("NCrvSet", 2), ("NPt", 5)))
            .Add(709, Counts(("NCrvSet", 2), ("NPt", 5)))
            .Add(710, Counts(("NCrvSet", 2), ("NPt", 5)))
            .Add(711, Counts(("NCtl", 3)))
            .Add(712, Counts(("NCrv", 2), ("NPt", 5)))
            .Add(713, new Dictionary<string, object?>
            {
                ["WH_SF"] = energyScale, ["Pct_SF"] = -1,
                ["WHRtg"] = capacityWh,
                ["SoH"] = 98.0,
                ["Sta"] = 0,
            })
            .Add(714, Battery(options.Batteries))
            .Add(715, new Dictionary<string, object?> { ["LocRemCtl"] = 1, ["DERHb"] = 0, ["ControllerHb"] = 0, ["OpCtl"] = 0 })
            .Add(502, new Dictionary<string, object?> { ["A_SF"] = -1, ["V_SF"] = -1, ["W_SF"] = solarScale, ["Wh_SF"] = 0, ["Stat"] = "MPPT" });
        return builder.Build(baseAddress: 0);
    }

    private static Dictionary<string, object?> Counts(params (string Name, int Value)[] counts) =>
        counts.ToDictionary(c => c.Name, c => (object?)c.Value);

    private static Dictionary<string, object?> Battery(int batteries)
    {
        var values = new Dictionary<string, object?>
        {
            ["NPrt"] = batteries,
            ["PrtAlrms"] = 0,
            ["DCA_SF"] = 0, ["DCV_SF"] = -1, ["DCW_SF"] = 0, ["DCWH_SF"] = 0, ["Tmp_SF"] = -1,
            ["DCA"] = 0.0,
        };
        for (var i = 1; i <= batteries; i++)
        {
            values[$"Prt[{i}].PrtTyp"] = "ESS";
            values[$"Prt[{i}].ID"] = i;
            values[$"Prt[{i}].IDStr"] = $"aPower{i}";
            values[$"Prt[{i}].DCA"] = 0.0;
            values[$"Prt[{i}].DCSta"] = 1;
            values[$"Prt[{i}].DCAlrm"] = 0;
        }

        return values;
    }
}
