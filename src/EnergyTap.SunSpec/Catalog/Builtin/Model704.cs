using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 704 (DERCtlAC), transcribed from the official SunSpec model definition.</summary>
internal static class Model704
{
    public static ModelDefinition Definition { get; } =
        Model(704, "DERCtlAC", [
            P("ID", U16, M | S, value: 704),
            P("L", U16, M | S, value: 65),
            P("PFWInjEna", E16, RW, sym: Ena),
            P("PFWInjEnaRvrt", E16, RW, sym: Ena),
            P("PFWInjRvrtTms", U32, RW, u: "Secs"),
            P("PFWInjRvrtRem", U32, u: "Secs"),
            P("PFWAbsEna", E16, RW, sym: Ena),
            P("PFWAbsEnaRvrt", E16, RW, sym: Ena),
            P("PFWAbsRvrtTms", U32, RW, u: "Secs"),
            P("PFWAbsRvrtRem", U32, u: "Secs"),
            P("WMaxLimPctEna", E16, RW, sym: Ena),
            P("WMaxLimPct", U16, RW, sf: "WMaxLimPct_SF", u: "Pct"),
            P("WMaxLimPctRvrt", U16, RW, sf: "WMaxLimPct_SF", u: "Pct"),
            P("WMaxLimPctEnaRvrt", E16, RW, sym: Ena),
            P("WMaxLimPctRvrtTms", U32, RW, u: "Secs"),
            P("WMaxLimPctRvrtRem", U32, u: "Secs"),
            P("WSetEna", E16, RW, sym: Ena),
            P("WSetMod", E16, RW, sym: [("W_MAX_PCT", 0), ("WATTS", 1)]),
            P("WSet", I32, RW, sf: "WSet_SF", u: "W"),
            P("WSetRvrt", I32, RW, sf: "WSet_SF", u: "W"),
            P("WSetPct", I16, RW, sf: "WSetPct_SF", u: "Pct"),
            P("WSetPctRvrt", I16, RW, sf: "WSetPct_SF", u: "Pct"),
            P("WSetEnaRvrt", E16, RW, sym: Ena),
            P("WSetRvrtTms", U32, RW, u: "Secs"),
            P("WSetRvrtRem", U32, u: "Secs"),
            P("VarSetEna", E16, RW, sym: Ena),
            P("VarSetMod", E16, RW, sym: [("W_MAX_PCT", 0), ("VAR_MAX_PCT", 1), ("VAR_AVAIL_PCT", 2), ("VA_MAX_PCT", 3), ("VARS", 4)]),
            P("VarSetPri", E16, RW, sym: [("ACTIVE", 0), ("REACTIVE", 1), ("VENDOR", 2)]),
            P("VarSet", I32, RW, sf: "VarSet_SF", u: "Var"),
            P("VarSetRvrt", I32, RW, sf: "VarSet_SF", u: "Var"),
            P("VarSetPct", I16, RW, sf: "VarSetPct_SF", u: "Pct"),
            P("VarSetPctRvrt", I16, RW, sf: "VarSetPct_SF", u: "Pct"),
            P("VarSetEnaRvrt", E16, RW, sym: Ena),
            P("VarSetRvrtTms", U32, RW, u: "Secs"),
            P("VarSetRvrtRem", U32, u: "Secs"),
            P("WRmp", U16, RW, u: "%Max/Sec"),
            P("WRmpRef", E16, RW, sym: [("A_MAX", 0), ("W_MAX", 1)]),
            P("VarRmp", U16, RW, u: "%Max/Sec"),
            P("AntiIslEna", E16, RW, sym: Ena),
            P("PF_SF", Sf, S),
            P("WMaxLimPct_SF", Sf, S),
            P("WSet_SF", Sf, S),
            P("WSetPct_SF", Sf, S),
            P("VarSet_SF", Sf, S),
            P("VarSetPct_SF", Sf, S),
        ],
            Sync("PFWInj", [
                P("PF", U16, RW, sf: "PF_SF"),
                P("Ext", E16, RW, sym: [("OVER_EXCITED", 0), ("UNDER_EXCITED", 1)]),
            ]),
            Sync("PFWInjRvrt", [
                P("PF", U16, RW, sf: "PF_SF"),
                P("Ext", E16, RW, sym: [("OVER_EXCITED", 0), ("UNDER_EXCITED", 1)]),
            ]),
            Sync("PFWAbs", [
                P("PF", U16, RW, sf: "PF_SF"),
                P("Ext", E16, RW, sym: [("OVER_EXCITED", 0), ("UNDER_EXCITED", 1)]),
            ]),
            Sync("PFWAbsRvrt", [
                P("PF", U16, RW, sf: "PF_SF"),
                P("Ext", E16, RW, sym: [("OVER_EXCITED", 0), ("UNDER_EXCITED", 1)]),
            ]));
}
