namespace EnergyTap.FranklinWH.Agate;

/// <summary>Decoded point values arrive as long (unscaled integers) or double (scaled); the controller wants numbers.</summary>
internal static class PointValues
{
    public static double? AsDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        _ => null,
    };
}
