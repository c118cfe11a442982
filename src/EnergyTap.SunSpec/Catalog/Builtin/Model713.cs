using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 713 (DERStorageCapacity), transcribed from the official SunSpec model definition.</summary>
internal static class Model713
{
    public static ModelDefinition Definition { get; } =
        Model(713, "DERStorageCapacity", [
            P("ID", U16, M | S, value: 713),
            P("L", U16, M | S, value: 7),
            P("WHRtg", U16, sf: "WH_SF", u: "WH"),
            P("WHAvail", U16, sf: "WH_SF", u: "WH"),
            P("SoC", U16, sf: "Pct_SF", u: "Pct"),
            P("SoH", U16, sf: "Pct_SF", u: "Pct"),
            P("Sta", E16, sym: [("OK", 0), ("WARNING", 1), ("ERROR", 2)]),
            P("WH_SF", Sf, S),
            P("Pct_SF", Sf, S),
        ]);
}
