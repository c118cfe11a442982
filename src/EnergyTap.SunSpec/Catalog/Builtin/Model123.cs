using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 123 (controls), transcribed from the official SunSpec model definition.</summary>
internal static class Model123
{
    public static ModelDefinition Definition { get; } =
        Model(123, "controls", [
            P("ID", U16, M | S, value: 123),
            P("L", U16, M | S),
            P("Conn_WinTms", U16, RW, u: "Secs"),
            P("Conn_RvrtTms", U16, RW, u: "Secs"),
            P("Conn", E16, RW | M, sym: [("DISCONNECT", 0), ("CONNECT", 1)]),
            P("WMaxLimPct", U16, RW | M, sf: "WMaxLimPct_SF", u: "% WMax"),
            P("WMaxLimPct_WinTms", U16, RW, u: "Secs"),
            P("WMaxLimPct_RvrtTms", U16, RW, u: "Secs"),
            P("WMaxLimPct_RmpTms", U16, RW, u: "Secs"),
            P("WMaxLim_Ena", E16, RW | M, sym: Ena),
            P("OutPFSet", I16, RW | M, sf: "OutPFSet_SF", u: "cos()"),
            P("OutPFSet_WinTms", U16, RW, u: "Secs"),
            P("OutPFSet_RvrtTms", U16, RW, u: "Secs"),
            P("OutPFSet_RmpTms", U16, RW, u: "Secs"),
            P("OutPFSet_Ena", E16, RW | M, sym: Ena),
            P("VArWMaxPct", I16, RW, sf: "VArPct_SF", u: "% WMax"),
            P("VArMaxPct", I16, RW, sf: "VArPct_SF", u: "% VArMax"),
            P("VArAvalPct", I16, RW, sf: "VArPct_SF", u: "% VArAval"),
            P("VArPct_WinTms", U16, RW, u: "Secs"),
            P("VArPct_RvrtTms", U16, RW, u: "Secs"),
            P("VArPct_RmpTms", U16, RW, u: "Secs"),
            P("VArPct_Mod", E16, RW, sym: [("NONE", 0), ("WMax", 1), ("VArMax", 2), ("VArAval", 3)]),
            P("VArPct_Ena", E16, RW | M, sym: Ena),
            P("WMaxLimPct_SF", Sf, M),
            P("OutPFSet_SF", Sf, M),
            P("VArPct_SF", Sf),
        ]);
}
