using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 160 (mppt), transcribed from the official SunSpec model definition.</summary>
internal static class Model160
{
    public static ModelDefinition Definition { get; } =
        Model(160, "mppt", [
            P("ID", U16, M | S, value: 160),
            P("L", U16, M | S),
            P("DCA_SF", Sf),
            P("DCV_SF", Sf),
            P("DCW_SF", Sf),
            P("DCWH_SF", Sf),
            P("Evt", B32, sym: [("GROUND_FAULT", 0), ("INPUT_OVER_VOLTAGE", 1), ("RESERVED_2", 2), ("DC_DISCONNECT", 3), ("RESERVED_4", 4), ("CABINET_OPEN", 5), ("MANUAL_SHUTDOWN", 6), ("OVER_TEMP", 7), ("RESERVED_8", 8), ("RESERVED_9", 9), ("RESERVED_10", 10), ("RESERVED_11", 11), ("BLOWN_FUSE", 12), ("UNDER_TEMP", 13), ("MEMORY_LOSS", 14), ("ARC_DETECTION", 15), ("RESERVED_16", 16), ("RESERVED_17", 17), ("RESERVED_18", 18), ("RESERVED_19", 19), ("TEST_FAILED", 20), ("INPUT_UNDER_VOLTAGE", 21), ("INPUT_OVER_CURRENT", 22)]),
            P("N", Cnt),
            P("TmsPer", U16),
        ],
            Group("module", 0, [
                P("ID", U16),
                P("IDStr", Str, size: 8),
                P("DCA", U16, sf: "DCA_SF", u: "A"),
                P("DCV", U16, sf: "DCV_SF", u: "V"),
                P("DCW", U16, sf: "DCW_SF", u: "W"),
                P("DCWH", A32, sf: "DCWH_SF", u: "Wh"),
                P("Tms", U32, u: "Secs"),
                P("Tmp", I16, u: "C"),
                P("DCSt", E16, sym: [("OFF", 1), ("SLEEPING", 2), ("STARTING", 3), ("MPPT", 4), ("THROTTLED", 5), ("SHUTTING_DOWN", 6), ("FAULT", 7), ("STANDBY", 8), ("TEST", 9), ("RESERVED_10", 10)]),
                P("DCEvt", B32, sym: [("GROUND_FAULT", 0), ("INPUT_OVER_VOLTAGE", 1), ("RESERVED_2", 2), ("DC_DISCONNECT", 3), ("RESERVED_4", 4), ("CABINET_OPEN", 5), ("MANUAL_SHUTDOWN", 6), ("OVER_TEMP", 7), ("RESERVED_8", 8), ("RESERVED_9", 9), ("RESERVED_10", 10), ("RESERVED_11", 11), ("BLOWN_FUSE", 12), ("UNDER_TEMP", 13), ("MEMORY_LOSS", 14), ("ARC_DETECTION", 15), ("RESERVED_16", 16), ("RESERVED_17", 17), ("RESERVED_18", 18), ("RESERVED_19", 19), ("TEST_FAILED", 20), ("INPUT_UNDER_VOLTAGE", 21), ("INPUT_OVER_CURRENT", 22)]),
            ]));
}
