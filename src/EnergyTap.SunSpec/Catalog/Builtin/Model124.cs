using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 124 (storage_basic), transcribed from the official SunSpec model definition.</summary>
internal static class Model124
{
    public static ModelDefinition Definition { get; } =
        Model(124, "storage_basic", [
            P("ID", U16, M | S, value: 124),
            P("L", U16, M | S),
            P("WChaMax", U16, RW | M, sf: "WChaMax_SF", u: "W"),
            P("WChaGra", U16, RW | M, sf: "WChaDisChaGra_SF", u: "% WChaMax/sec"),
            P("WDisChaGra", U16, RW | M, sf: "WChaDisChaGra_SF", u: "% WChaMax/sec"),
            P("StorCtl_Mod", B16, RW | M, sym: [("CHARGE", 0), ("DiSCHARGE", 1)]),
            P("VAChaMax", U16, RW, sf: "VAChaMax_SF", u: "VA"),
            P("MinRsvPct", U16, RW, sf: "MinRsvPct_SF", u: "% WChaMax"),
            P("ChaState", U16, sf: "ChaState_SF", u: "% AhrRtg"),
            P("StorAval", U16, sf: "StorAval_SF", u: "AH"),
            P("InBatV", U16, sf: "InBatV_SF", u: "V"),
            P("ChaSt", E16, sym: [("OFF", 1), ("EMPTY", 2), ("DISCHARGING", 3), ("CHARGING", 4), ("FULL", 5), ("HOLDING", 6), ("TESTING", 7)]),
            P("OutWRte", I16, RW, sf: "InOutWRte_SF", u: "% WDisChaMax"),
            P("InWRte", I16, RW, sf: "InOutWRte_SF", u: " % WChaMax"),
            P("InOutWRte_WinTms", U16, RW, u: "Secs"),
            P("InOutWRte_RvrtTms", U16, RW, u: "Secs"),
            P("InOutWRte_RmpTms", U16, RW, u: "Secs"),
            P("ChaGriSet", E16, RW, sym: [("PV", 0), ("GRID", 1)]),
            P("WChaMax_SF", Sf, M),
            P("WChaDisChaGra_SF", Sf, M),
            P("VAChaMax_SF", Sf),
            P("MinRsvPct_SF", Sf),
            P("ChaState_SF", Sf),
            P("StorAval_SF", Sf),
            P("InBatV_SF", Sf),
            P("InOutWRte_SF", Sf),
        ]);
}
