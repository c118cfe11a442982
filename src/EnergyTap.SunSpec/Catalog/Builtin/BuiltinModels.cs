namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>Every model definition compiled into EnergyTap.</summary>
internal static class BuiltinModels
{
    public static IReadOnlyList<ModelDefinition> All { get; } =
    [
        Model1.Definition,
        Model101.Definition,
        Model102.Definition,
        Model103.Definition,
        Model111.Definition,
        Model112.Definition,
        Model113.Definition,
        Model120.Definition,
        Model121.Definition,
        Model122.Definition,
        Model123.Definition,
        Model124.Definition,
        Model160.Definition,
        Model201.Definition,
        Model202.Definition,
        Model203.Definition,
        Model204.Definition,
        Model502.Definition,
        Model701.Definition,
        Model702.Definition,
        Model703.Definition,
        Model704.Definition,
        Model705.Definition,
        Model706.Definition,
        Model707.Definition,
        Model708.Definition,
        Model709.Definition,
        Model710.Definition,
        Model711.Definition,
        Model712.Definition,
        Model713.Definition,
        Model714.Definition,
        Model715.Definition,
        Model802.Definition,
    ];
}
