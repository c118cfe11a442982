using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 711 (DERFreqDroop), transcribed from the official SunSpec model definition.</summary>
internal static class Model711
{
    public static ModelDefinition Definition { get; } =
        Model(711, "DERFreqDroop", [
            P("ID", U16, M | S, value: 711),
            P("L", U16, M | S),
            P("Ena", E16, RW | M, sym: Ena),
            P("AdptCtlReq", U16, RW | M),
            P("AdptCtlRslt", E16, M, sym: [("IN_PROGRESS", 0), ("COMPLETED", 1), ("FAILED", 2)]),
            P("NCtl", U16, M | S),
            P("RvrtTms", U32, RW, u: "Secs"),
            P("RvrtRem", U32, u: "Secs"),
            P("RvrtCtl", U16, RW),
            P("Db_SF", Sf, M | S),
            P("K_SF", Sf, M | S),
            P("RspTms_SF", Sf, M | S),
        ],
            Group("Ctl", "NCtl", [
                P("DbOf", U32, RW | M, sf: "Db_SF", u: "Hz"),
                P("DbUf", U32, RW | M, sf: "Db_SF", u: "Hz"),
                P("KOf", U16, RW | M, sf: "K_SF"),
                P("KUf", U16, RW | M, sf: "K_SF"),
                P("RspTms", U32, RW | M, sf: "RspTms_SF", u: "Secs"),
                P("PMin", I16, RW, u: "Pct"),
                P("ReadOnly", E16, M | S, sym: [("RW", 0), ("R", 1)]),
            ]));
}
