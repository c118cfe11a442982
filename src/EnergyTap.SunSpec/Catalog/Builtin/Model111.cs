using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 111 (inverter_single_phase_float), transcribed from the official SunSpec model definition.</summary>
internal static class Model111
{
    public static ModelDefinition Definition { get; } =
        Model(111, "inverter_single_phase_float", [
            P("ID", U16, M | S, value: 111),
            P("L", U16, M | S),
            P("A", F32, M, u: "A"),
            P("AphA", F32, M, u: "A"),
            P("AphB", F32, u: "A"),
            P("AphC", F32, u: "A"),
            P("PPVphAB", F32, u: "V"),
            P("PPVphBC", F32, u: "V"),
            P("PPVphCA", F32, u: "V"),
            P("PhVphA", F32, M, u: "V"),
            P("PhVphB", F32, u: "V"),
            P("PhVphC", F32, u: "V"),
            P("W", F32, M, u: "W"),
            P("Hz", F32, M, u: "Hz"),
            P("VA", F32, u: "VA"),
            P("VAr", F32, u: "var"),
            P("PF", F32, u: "Pct"),
            P("WH", F32, M, u: "Wh"),
            P("DCA", F32, u: "A"),
            P("DCV", F32, u: "V"),
            P("DCW", F32, u: "W"),
            P("TmpCab", F32, M, u: "C"),
            P("TmpSnk", F32, u: "C"),
            P("TmpTrns", F32, u: "C"),
            P("TmpOt", F32, u: "C"),
            P("St", E16, M, sym: [("ggOFF", 1), ("ggSLEEPING", 2), ("ggSTARTING", 3), ("ggMPPT", 4), ("ggTHROTTLED", 5), ("ggSHUTTING_DOWN", 6), ("ggFAULT", 7), ("ggSTANDBY", 8)]),
            P("StVnd", E16),
            P("Evt1", B32, M, sym: [("GROUND_FAULT", 0), ("DC_OVER_VOLT", 1), ("AC_DISCONNECT", 2), ("DC_DISCONNECT", 3), ("GRID_DISCONNECT", 4), ("CABINET_OPEN", 5), ("MANUAL_SHUTDOWN", 6), ("OVER_TEMP", 7), ("OVER_FREQUENCY", 8), ("UNDER_FREQUENCY", 9), ("AC_OVER_VOLT", 10), ("AC_UNDER_VOLT", 11), ("BLOWN_STRING_FUSE", 12), ("UNDER_TEMP", 13), ("MEMORY_LOSS", 14), ("HW_TEST_FAILURE", 15)]),
            P("Evt2", B32, M),
            P("EvtVnd1", B32),
            P("EvtVnd2", B32),
            P("EvtVnd3", B32),
            P("EvtVnd4", B32),
        ]);
}
