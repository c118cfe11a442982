using EnergyTap.SunSpec.Points;

namespace EnergyTap.FranklinWH.Agate.Reading;

/// <summary>
/// Undoes the int16 wrap of 701 W (grid) and 714 DCW (battery): above 32.767 kW (large sites, many aPowers)
/// the aGate stores the low 16 bits, so 40 kW reads as -25.536 kW. A wrapped value is off by a whole number
/// of 65536 × 10^SF; measurement noise is a few watts, so a reference that agrees to within half a turn
/// (the sum of the aPowers, or the balance of the other flows) tells the two apart without doubt.
/// </summary>
internal static class Int16Wrap
{
    private const int RegisterTurn = 65536;

    // Two turns either way covers ±196 kW at SF 0, more than any home service.
    private const int MaxTurns = 2;

    /// <summary>One wrap of <paramref name="point"/> in its human units: 65536 × 10^SF.</summary>
    public static double Turn(SunSpecSnapshot s, string point)
    {
        var location = s.Map.Resolve(point);
        var sf = location.ScaleFactorPoint is { } sfPoint && s.Read(sfPoint).Value is long f ? f : 0;
        return RegisterTurn * Math.Pow(10, sf);
    }

    /// <summary>
    /// <paramref name="value"/> moved by whole turns to agree with <paramref name="reference"/>, or null when it
    /// already agrees as well as any turn could make it (nothing to correct).
    /// </summary>
    public static double? Unwrap(double value, double reference, double turn)
    {
        var best = value;
        var bestDistance = Math.Abs(value - reference);
        for (var k = -MaxTurns; k <= MaxTurns; k++)
        {
            var candidate = value + k * turn;
            var distance = Math.Abs(candidate - reference);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Only a clear win is a wrap: the corrected value must agree to within a quarter turn, and be
        // at least half a turn closer than the value as read.
        var asRead = Math.Abs(value - reference);
        return best != value && bestDistance < turn / 4 && asRead - bestDistance > turn / 2 ? best : null;
    }
}
