using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 122 (status), transcribed from the official SunSpec model definition.</summary>
internal static class Model122
{
    public static ModelDefinition Definition { get; } =
        Model(122, "status", [
            P("ID", U16, M | S, value: 122),
            P("L", U16, M | S),
            P("PVConn", B16, M, sym: [("CONNECTED", 0), ("AVAILABLE", 1), ("OPERATING", 2), ("TEST", 3)]),
            P("StorConn", B16, M, sym: [("CONNECTED", 0), ("AVAILABLE", 1), ("OPERATING", 2), ("TEST", 3)]),
            P("ECPConn", B16, M, sym: [("DISCONNECTED", 0), ("CONNECTED", 1)]),
            P("ActWh", A64, u: "Wh"),
            P("ActVAh", A64, u: "VAh"),
            P("ActVArhQ1", A64, u: "varh"),
            P("ActVArhQ2", A64, u: "varh"),
            P("ActVArhQ3", A64, u: "varh"),
            P("ActVArhQ4", A64, u: "varh"),
            P("VArAval", I16, sf: "VArAval_SF", u: "var"),
            P("VArAval_SF", Sf),
            P("WAval", U16, sf: "WAval_SF", u: "var"),
            P("WAval_SF", Sf),
            P("StSetLimMsk", B32, sym: [("WMax", 0), ("VAMax", 1), ("VArAval", 2), ("VArMaxQ1", 3), ("VArMaxQ2", 4), ("VArMaxQ3", 5), ("VArMaxQ4", 6), ("PFMinQ1", 7), ("PFMinQ2", 8), ("PFMinQ3", 9), ("PFMinQ4", 10)]),
            P("StActCtl", B32, sym: [("FixedW", 0), ("FixedVAR", 1), ("FixedPF", 2), ("Volt-VAr", 3), ("Freq-Watt-Param", 4), ("Freq-Watt-Curve", 5), ("Dyn-Reactive-Current", 6), ("LVRT", 7), ("HVRT", 8), ("Watt-PF", 9), ("Volt-Watt", 10), ("Scheduled", 12), ("LFRT", 13), ("HFRT", 14)]),
            P("TmSrc", Str, size: 4),
            P("Tms", U32, u: "Secs"),
            P("RtSt", B16, sym: [("LVRT_ACTIVE", 0), ("HVRT_ACTIVE", 1), ("LFRT_ACTIVE", 2), ("HFRT_ACTIVE", 3)]),
            P("Ris", U16, sf: "Ris_SF", u: "ohms"),
            P("Ris_SF", Sf),
        ]);
}
