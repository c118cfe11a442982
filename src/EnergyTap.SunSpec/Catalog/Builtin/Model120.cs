using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 120 (nameplate), transcribed from the official SunSpec model definition.</summary>
internal static class Model120
{
    public static ModelDefinition Definition { get; } =
        Model(120, "nameplate", [
            P("ID", U16, M | S, value: 120),
            P("L", U16, M | S),
            P("DERTyp", E16, M, sym: [("PV", 4), ("PV_STOR", 82)]),
            P("WRtg", U16, M, sf: "WRtg_SF", u: "W"),
            P("WRtg_SF", Sf, M),
            P("VARtg", U16, M, sf: "VARtg_SF", u: "VA"),
            P("VARtg_SF", Sf, M),
            P("VArRtgQ1", I16, M, sf: "VArRtg_SF", u: "var"),
            P("VArRtgQ2", I16, M, sf: "VArRtg_SF", u: "var"),
            P("VArRtgQ3", I16, M, sf: "VArRtg_SF", u: "var"),
            P("VArRtgQ4", I16, M, sf: "VArRtg_SF", u: "var"),
            P("VArRtg_SF", Sf, M),
            P("ARtg", U16, M, sf: "ARtg_SF", u: "A"),
            P("ARtg_SF", Sf, M),
            P("PFRtgQ1", I16, M, sf: "PFRtg_SF", u: "cos()"),
            P("PFRtgQ2", I16, M, sf: "PFRtg_SF", u: "cos()"),
            P("PFRtgQ3", I16, M, sf: "PFRtg_SF", u: "cos()"),
            P("PFRtgQ4", I16, M, sf: "PFRtg_SF", u: "cos()"),
            P("PFRtg_SF", Sf, M),
            P("WHRtg", U16, sf: "WHRtg_SF", u: "Wh"),
            P("WHRtg_SF", Sf),
            P("AhrRtg", U16, sf: "AhrRtg_SF", u: "AH"),
            P("AhrRtg_SF", Sf),
            P("MaxChaRte", U16, sf: "MaxChaRte_SF", u: "W"),
            P("MaxChaRte_SF", Sf),
            P("MaxDisChaRte", U16, sf: "MaxDisChaRte_SF", u: "W"),
            P("MaxDisChaRte_SF", Sf),
            P("Pad", Pad),
        ]);
}
