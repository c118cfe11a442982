using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 703 (DEREnterService), transcribed from the official SunSpec model definition.</summary>
internal static class Model703
{
    public static ModelDefinition Definition { get; } =
        Model(703, "DEREnterService", [
            P("ID", U16, M | S, value: 703),
            P("L", U16, M | S, value: 17),
            P("ES", E16, RW, sym: Ena),
            P("ESVHi", U16, RW, sf: "V_SF", u: "Pct"),
            P("ESVLo", U16, RW, sf: "V_SF", u: "Pct"),
            P("ESHzHi", U32, RW, sf: "Hz_SF", u: "Hz"),
            P("ESHzLo", U32, RW, sf: "Hz_SF", u: "Hz"),
            P("ESDlyTms", U32, RW, u: "Secs"),
            P("ESRndTms", U32, RW, u: "Secs"),
            P("ESRmpTms", U32, RW, u: "Secs"),
            P("ESDlyRemTms", U32, u: "Secs"),
            P("V_SF", Sf, S),
            P("Hz_SF", Sf, S),
        ]);
}
