using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 714 (DERMeasureDC), transcribed from the official SunSpec model definition.</summary>
internal static class Model714
{
    public static ModelDefinition Definition { get; } =
        Model(714, "DERMeasureDC", [
            P("ID", U16, M | S, value: 714),
            P("L", U16, M | S),
            P("PrtAlrms", B32),
            P("NPrt", U16, S),
            P("DCA", I16, sf: "DCA_SF", u: "A"),
            P("DCW", I16, sf: "DCW_SF", u: "W"),
            P("DCWhInj", U64, sf: "DCWH_SF", u: "Wh"),
            P("DCWhAbs", U64, sf: "DCWH_SF", u: "Wh"),
            P("DCA_SF", Sf, S),
            P("DCV_SF", Sf, S),
            P("DCW_SF", Sf, S),
            P("DCWH_SF", Sf, S),
            P("Tmp_SF", Sf, S),
        ],
            Group("Prt", "NPrt", [
                P("PrtTyp", E16, sym: [("PV", 0), ("ESS", 1), ("EV", 2), ("INJ", 3), ("ABS", 4), ("BIDIR", 5), ("DC_DC", 6)]),
                P("ID", U16),
                P("IDStr", Str, size: 8),
                P("DCA", I16, sf: "DCA_SF", u: "A"),
                P("DCV", U16, sf: "DCV_SF", u: "V"),
                P("DCW", I16, sf: "DCW_SF", u: "W"),
                P("DCWhInj", U64, sf: "DCWH_SF", u: "Wh"),
                P("DCWhAbs", U64, sf: "DCWH_SF", u: "Wh"),
                P("Tmp", I16, sf: "Tmp_SF", u: "C"),
                P("DCSta", E16, sym: [("OFF", 0), ("ON", 1), ("WARNING", 2), ("ERROR", 3)]),
                P("DCAlrm", B32, sym: [("GROUND_FAULT", 0), ("INPUT_OVER_VOLTAGE", 1), ("DC_DISCONNECT", 3), ("CABINET_OPEN", 5), ("MANUAL_SHUTDOWN", 6), ("OVER_TEMP", 7), ("BLOWN_FUSE", 12), ("UNDER_TEMP", 13), ("MEMORY_LOSS", 14), ("ARC_DETECTION", 15), ("RESERVED", 19), ("TEST_FAILED", 20), ("INPUT_UNDER_VOLTAGE", 21), ("INPUT_OVER_CURRENT", 22)]),
            ]));
}
