namespace EnergyTap.SunSpec.Catalog;

/// <summary>A named enum value, or for bitfields the name of a bit number.</summary>
public sealed record PointSymbol(string Name, long Value);
