using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 502 (solar_module), transcribed from the official SunSpec model definition.</summary>
internal static class Model502
{
    public static ModelDefinition Definition { get; } =
        Model(502, "solar_module", [
            P("ID", U16, M | S, value: 502),
            P("L", U16, M | S),
            P("A_SF", Sf),
            P("V_SF", Sf),
            P("W_SF", Sf),
            P("Wh_SF", Sf),
            P("Stat", E16, M, sym: [("OFF", 1), ("SLEEPING", 2), ("STARTING", 3), ("MPPT", 4), ("THROTTLED", 5), ("SHUTTING_DOWN", 6), ("FAULT", 7), ("STANDBY", 8), ("TEST", 9), ("OTHER", 10)]),
            P("StatVend", E16),
            P("Evt", B32, M, sym: [("GROUND_FAULT", 0), ("INPUT_OVER_VOLTAGE", 1), ("RESERVED_2", 2), ("DC_DISCONNECT", 3), ("RESERVED_4", 4), ("RESERVED_5", 5), ("MANUAL_SHUTDOWN", 6), ("OVER_TEMPERATURE", 7), ("RESERVED_8", 8), ("RESERVED_9", 9), ("RESERVED_10", 10), ("RESERVED_11", 11), ("BLOWN_FUSE", 12), ("UNDER_TEMPERATURE", 13), ("MEMORY_LOSS", 14), ("ARC_DETECTION", 15), ("THEFT_DETECTION", 16), ("OUTPUT_OVER_CURRENT", 17), ("OUTPUT_OVER_VOLTAGE", 18), ("OUTPUT_UNDER_VOLTAGE", 19), ("TEST_FAILED", 20)]),
            P("EvtVend", B32),
            P("Ctl", E16, RW),
            P("CtlVend", E32, RW),
            P("CtlVal", I32, RW),
            P("Tms", U32, u: "Secs"),
            P("OutA", I16, sf: "A_SF", u: "A"),
            P("OutV", I16, sf: "V_SF", u: "V"),
            P("OutWh", A32, sf: "Wh_SF", u: "Wh"),
            P("OutPw", I16, sf: "W_SF", u: "W"),
            P("Tmp", I16, u: "C"),
            P("InA", I16, sf: "A_SF", u: "A"),
            P("InV", I16, sf: "V_SF", u: "V"),
            P("InWh", A32, sf: "Wh_SF", u: "Wh"),
            P("InW", I16, sf: "W_SF", u: "W"),
        ]);
}
