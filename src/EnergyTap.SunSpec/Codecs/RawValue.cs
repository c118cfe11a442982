namespace EnergyTap.SunSpec.Codecs;

/// <summary>A value given in raw register units: written as is, without the point's scale factor.</summary>
public sealed record RawValue(long Value);
