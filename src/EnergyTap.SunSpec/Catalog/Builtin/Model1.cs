using static EnergyTap.SunSpec.Catalog.Builtin.Dsl;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Model 1 (common), transcribed from the official SunSpec model definition.</summary>
internal static class Model1
{
    public static ModelDefinition Definition { get; } =
        Model(1, "common", [
            P("ID", U16, M | S, value: 1),
            P("L", U16, M | S),
            P("Mn", Str, M | S, size: 16),
            P("Md", Str, M | S, size: 16),
            P("Opt", Str, S, size: 8),
            P("Vr", Str, S, size: 8),
            P("SN", Str, M | S, size: 16),
            P("DA", U16, RW),
            P("Pad", Pad, S),
        ]);
}
