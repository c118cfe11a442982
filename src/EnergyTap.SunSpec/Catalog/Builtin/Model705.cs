using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 705 (DERVoltVar), transcribed from the official SunSpec model definition.</summary>
internal static class Model705
{
    public static ModelDefinition Definition { get; } =
        Model(705, "DERVoltVar", [
            P("ID", U16, M | S, value: 705),
            P("L", U16, M | S),
            P("Ena", E16, RW | M, sym: Ena),
            P("AdptCrvReq", U16, RW | M),
            P("AdptCrvRslt", E16, M, sym: [("IN_PROGRESS", 0), ("COMPLETED", 1), ("FAILED", 2)]),
            P("NPt", U16, M | S),
            P("NCrv", U16, M | S),
            P("RvrtTms", U32, RW, u: "Secs"),
            P("RvrtRem", U32, u: "Secs"),
            P("RvrtCrv", U16, RW),
            P("V_SF", Sf, M | S),
            P("DeptRef_SF", Sf, M | S),
            P("RspTms_SF", Sf, M | S),
        ],
            Group("Crv", "NCrv", [
                P("ActPt", U16, RW | M),
                P("DeptRef", E16, RW | M, sym: [("W_MAX_PCT", 0), ("VAR_MAX_PCT", 1), ("VAR_AVAL_PCT", 2), ("VA_MAX_PCT", 3)]),
                P("Pri", E16, RW, sym: [("ACTIVE", 0), ("REACTIVE", 1), ("VENDOR", 2)]),
                P("VRef", U16, RW, sf: "V_SF", u: "VNomPct"),
                P("VRefAuto", U16, sf: "V_SF", u: "VNomPct"),
                P("VRefAutoEna", E16, RW, sym: Ena),
                P("VRefAutoTms", U16, RW, u: "Secs"),
                P("RspTms", U32, RW, sf: "RspTms_SF", u: "Secs"),
                P("ReadOnly", E16, M | S, sym: [("RW", 0), ("R", 1)]),
            ],
                Group("Pt", "NPt", [
                    P("V", U16, RW, sf: "V_SF", u: "VNomPct"),
                    P("Var", I16, RW, sf: "DeptRef_SF", u: "DeptRef"),
                ])));
}
