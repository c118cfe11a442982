namespace EnergyTap.SunSpec.Catalog;

/// <summary>One point of a model definition: the facts of the schema without label or description prose.</summary>
public sealed record PointDefinition(string Name, PointType Type, int Size)
{
    public ScaleFactorReference? ScaleFactor { get; init; }

    public string? Units { get; init; }

    public bool Writable { get; init; }

    public bool Mandatory { get; init; }

    /// <summary>The value never changes while the device runs (the schema's static "S").</summary>
    public bool Static { get; init; }

    /// <summary>A value the schema fixes (the ID point's model id, a fixed L).</summary>
    public long? FixedValue { get; init; }

    public IReadOnlyList<PointSymbol> Symbols { get; init; } = [];

    public string? SymbolFor(long value)
    {
        foreach (var symbol in Symbols)
        {
            if (symbol.Value == value)
            {
                return symbol.Name;
            }
        }

        return null;
    }
}
