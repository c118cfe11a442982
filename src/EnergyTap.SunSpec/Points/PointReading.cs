using System.Globalization;

namespace EnergyTap.SunSpec.Points;

/// <summary>
/// A point's value in human units: scaled by its scale factor, null when the device marks it (or its scale factor)
/// not implemented, or when its registers were never read. <see cref="Symbol"/> names an enum value, or lists the
/// set bits of a bitfield ("GROUND_FAULT|OVER_TEMP"; unnamed bits as "bit5").
/// </summary>
public sealed record PointReading(PointLocation Point, object? Value, string? Symbol)
{
    public string? Units => Point.Definition.Units;

    /// <summary>The value as a number (scaled or not), or null when it is not a number or not implemented.</summary>
    public double? Number => Value switch
    {
        long l => l,
        ulong u => u,
        double d => d,
        _ => null,
    };

    /// <summary>The value as text for tables: the symbol when there is one, invariant culture, "-" for null.</summary>
    public string Display => Value switch
    {
        null => "-",
        _ when Symbol is not null => $"{Symbol} ({Convert.ToString(Value, CultureInfo.InvariantCulture)})",
        _ => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? "-",
    };
}
