using EnergyTap.SunSpec.Points;

namespace EnergyTap.SunSpec.Writing;

/// <summary>What happened to one point of a verified write. <see cref="ReadBack"/> is the value found afterwards.</summary>
public sealed record PointWriteResult(PointLocation Point, object? Requested, IReadOnlyList<ushort> Written, WriteOutcome Outcome)
{
    public PointReading? ReadBack { get; init; }

    /// <summary>The device's answer for a rejected write.</summary>
    public string? Error { get; init; }
}
