using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 121 (settings), transcribed from the official SunSpec model definition.</summary>
internal static class Model121
{
    public static ModelDefinition Definition { get; } =
        Model(121, "settings", [
            P("ID", U16, M | S, value: 121),
            P("L", U16, M | S),
            P("WMax", U16, RW | M, sf: "WMax_SF", u: "W"),
            P("VRef", U16, RW | M, sf: "VRef_SF", u: "V"),
            P("VRefOfs", I16, RW | M, sf: "VRefOfs_SF", u: "V"),
            P("VMax", U16, RW, sf: "VMinMax_SF", u: "V"),
            P("VMin", U16, RW, sf: "VMinMax_SF", u: "V"),
            P("VAMax", U16, RW, sf: "VAMax_SF", u: "VA"),
            P("VArMaxQ1", I16, RW, sf: "VArMax_SF", u: "var"),
            P("VArMaxQ2", I16, RW, sf: "VArMax_SF", u: "var"),
            P("VArMaxQ3", I16, RW, sf: "VArMax_SF", u: "var"),
            P("VArMaxQ4", I16, RW, sf: "VArMax_SF", u: "var"),
            P("WGra", U16, RW, sf: "WGra_SF", u: "% WMax/sec"),
            P("PFMinQ1", I16, RW, sf: "PFMin_SF", u: "cos()"),
            P("PFMinQ2", I16, RW, sf: "PFMin_SF", u: "cos()"),
            P("PFMinQ3", I16, RW, sf: "PFMin_SF", u: "cos()"),
            P("PFMinQ4", I16, RW, sf: "PFMin_SF", u: "cos()"),
            P("VArAct", E16, RW, sym: [("SWITCH", 1), ("MAINTAIN", 2)]),
            P("ClcTotVA", E16, RW, sym: [("VECTOR", 1), ("ARITHMETIC", 2)]),
            P("MaxRmpRte", U16, RW, sf: "MaxRmpRte_SF", u: "% WGra"),
            P("ECPNomHz", U16, RW, sf: "ECPNomHz_SF", u: "Hz"),
            P("ConnPh", E16, RW, sym: [("A", 1), ("B", 2), ("C", 3)]),
            P("WMax_SF", Sf, M),
            P("VRef_SF", Sf, M),
            P("VRefOfs_SF", Sf, M),
            P("VMinMax_SF", Sf),
            P("VAMax_SF", Sf),
            P("VArMax_SF", Sf),
            P("WGra_SF", Sf),
            P("PFMin_SF", Sf),
            P("MaxRmpRte_SF", Sf),
            P("ECPNomHz_SF", Sf),
        ]);
}
