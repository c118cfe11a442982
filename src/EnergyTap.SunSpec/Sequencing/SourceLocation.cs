namespace EnergyTap.SunSpec.Sequencing;

/// <summary>Where something was written in a sequence file: JSON path ("$.steps[2].writes['704.WSetPct']") and 1-based line.</summary>
public sealed record SourceLocation(string JsonPath, int Line)
{
    public static SourceLocation BuiltIn { get; } = new("$", 0);

    public override string ToString() => Line > 0 ? $"line {Line}, {JsonPath}" : JsonPath;
}
