namespace EnergyTap.SunSpec.Writing;

/// <summary>
/// One value to write, by point name ("704.WSetPct"), in human units: scaled by the point's scale factor,
/// enum symbol names accepted ("ENABLED"), <see cref="Codecs.RawValue"/> to skip scaling.
/// </summary>
public sealed record PointWrite(string Point, object? Value);
