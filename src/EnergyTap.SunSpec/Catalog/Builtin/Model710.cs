using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 710 (DERTripHF), transcribed from the official SunSpec model definition.</summary>
internal static class Model710
{
    public static ModelDefinition Definition { get; } =
        Model(710, "DERTripHF", [
            P("ID", U16, M | S, value: 710),
            P("L", U16, M | S),
            P("Ena", E16, RW | M, sym: Ena),
            P("AdptCrvReq", U16, RW | M),
            P("AdptCrvRslt", E16, M, sym: [("IN_PROGRESS", 0), ("COMPLETED", 1), ("FAILED", 2)]),
            P("NPt", U16, M | S),
            P("NCrvSet", U16, M | S),
            P("Hz_SF", Sf, M | S),
            P("Tms_SF", Sf, M | S),
        ],
            Group("Crv", "NCrvSet", [
                P("ReadOnly", E16, M | S, sym: [("RW", 0), ("R", 1)]),
            ],
                Group("MustTrip", 1, [
                    P("ActPt", U16, RW),
                ],
                    Group("Pt", "NPt", [
                        P("Hz", U32, RW, sf: "Hz_SF", u: "Hz"),
                        P("Tms", U32, RW, sf: "Tms_SF", u: "Secs"),
                    ])),
                Group("MayTrip", 1, [
                    P("ActPt", U16, RW),
                ],
                    Group("Pt", "NPt", [
                        P("Hz", U32, RW, sf: "Hz_SF", u: "Hz"),
                        P("Tms", U32, RW, sf: "Tms_SF", u: "Secs"),
                    ])),
                Group("MomCess", 1, [
                    P("ActPt", U16, RW),
                ],
                    Group("Pt", "NPt", [
                        P("Hz", U32, RW, sf: "Hz_SF", u: "Hz"),
                        P("Tms", U32, RW, sf: "Tms_SF", u: "Secs"),
                    ]))));
}
