using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 715 (DERCtl), transcribed from the official SunSpec model definition.</summary>
internal static class Model715
{
    public static ModelDefinition Definition { get; } =
        Model(715, "DERCtl", [
            P("ID", U16, M | S, value: 715),
            P("L", U16, M | S, value: 7),
            P("LocRemCtl", E16, sym: [("REMOTE", 0), ("LOCAL", 1)]),
            P("DERHb", U32),
            P("ControllerHb", U32, RW),
            P("AlarmReset", U16, RW),
            P("OpCtl", E16, RW, sym: [("STOP", 0), ("START", 1), ("ENTER_STANDBY", 2), ("EXIT_STANDBY", 3)]),
        ]);
}
