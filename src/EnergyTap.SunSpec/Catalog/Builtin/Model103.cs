using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 103 (inverter_three_phase), transcribed from the official SunSpec model definition.</summary>
internal static class Model103
{
    public static ModelDefinition Definition { get; } =
        Model(103, "inverter_three_phase", [
            P("ID", U16, M | S, value: 103),
            P("L", U16, M | S),
            P("A", U16, M, sf: "A_SF", u: "A"),
            P("AphA", U16, M, sf: "A_SF", u: "A"),
            P("AphB", U16, M, sf: "A_SF", u: "A"),
            P("AphC", U16, M, sf: "A_SF", u: "A"),
            P("A_SF", Sf, M),
            P("PPVphAB", U16, sf: "V_SF", u: "V"),
            P("PPVphBC", U16, sf: "V_SF", u: "V"),
            P("PPVphCA", U16, sf: "V_SF", u: "V"),
            P("PhVphA", U16, M, sf: "V_SF", u: "V"),
            P("PhVphB", U16, M, sf: "V_SF", u: "V"),
            P("PhVphC", U16, M, sf: "V_SF", u: "V"),
            P("V_SF", Sf, M),
            P("W", I16, M, sf: "W_SF", u: "W"),
            P("W_SF", Sf, M),
            P("Hz", U16, M, sf: "Hz_SF", u: "Hz"),
            P("Hz_SF", Sf, M),
            P("VA", I16, sf: "VA_SF", u: "VA"),
            P("VA_SF", Sf),
            P("VAr", I16, sf: "VAr_SF", u: "var"),
            P("VAr_SF", Sf),
            P("PF", I16, sf: "PF_SF", u: "Pct"),
            P("PF_SF", Sf),
            P("WH", A32, M, sf: "WH_SF", u: "Wh"),
            P("WH_SF", Sf, M),
            P("DCA", U16, sf: "DCA_SF", u: "A"),
            P("DCA_SF", Sf),
            P("DCV", U16, sf: "DCV_SF", u: "V"),
            P("DCV_SF", Sf),
            P("DCW", I16, sf: "DCW_SF", u: "W"),
            P("DCW_SF", Sf),
            P("TmpCab", I16, M, sf: "Tmp_SF", u: "C"),
            P("TmpSnk", I16, sf: "Tmp_SF", u: "C"),
            P("TmpTrns", I16, sf: "Tmp_SF", u: "C"),
            P("TmpOt", I16, sf: "Tmp_SF", u: "C"),
            P("Tmp_SF", Sf, M),
            P("St", E16, M, sym: [("OFF", 1), ("SLEEPING", 2), ("STARTING", 3), ("MPPT", 4), ("THROTTLED", 5), ("SHUTTING_DOWN", 6), ("FAULT", 7), ("STANDBY", 8)]),
            P("StVnd", E16),
            P("Evt1", B32, M, sym: [("GROUND_FAULT", 0), ("DC_OVER_VOLT", 1), ("AC_DISCONNECT", 2), ("DC_DISCONNECT", 3), ("GRID_DISCONNECT", 4), ("CABINET_OPEN", 5), ("MANUAL_SHUTDOWN", 6), ("OVER_TEMP", 7), ("OVER_FREQUENCY", 8), ("UNDER_FREQUENCY", 9), ("AC_OVER_VOLT", 10), ("AC_UNDER_VOLT", 11), ("BLOWN_STRING_FUSE", 12), ("UNDER_TEMP", 13), ("MEMORY_LOSS", 14), ("HW_TEST_FAILURE", 15)]),
            P("Evt2", B32, M),
            P("EvtVnd1", B32),
            P("EvtVnd2", B32),
            P("EvtVnd3", B32),
            P("EvtVnd4", B32),
        ]);
}
