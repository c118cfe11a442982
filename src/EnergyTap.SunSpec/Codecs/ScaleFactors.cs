namespace EnergyTap.SunSpec.Codecs;

/// <summary>value = raw × 10^sf, done in decimal so 2305 × 10^-1 is 230.5 and not 230.50000000000003.</summary>
public static class ScaleFactors
{
    private static readonly decimal[] Powers =
        [.. Enumerable.Range(-10, 21).Select(e => e < 0 ? 1m / Pow(-e) : Pow(e))];

    /// <summary>The human value of a raw whole number, or null when the raw value or the factor is not implemented.</summary>
    public static double? Apply(long? raw, long? scaleFactor)
    {
        if (raw is not long value || scaleFactor is not long sf || sf is < -10 or > 10)
        {
            return null;
        }

        return (double)(value * Powers[sf + 10]);
    }

    /// <summary>The human value of a raw number, exactly (for limits in messages: 32767 at -2 is 327.67).</summary>
    public static decimal ToUnits(decimal raw, long scaleFactor) =>
        scaleFactor is < -10 or > 10 ? raw : raw * Powers[scaleFactor + 10];

    /// <summary>The raw whole number for a human value; a value finer than the factor allows is refused, not rounded.</summary>
    public static decimal Remove(decimal value, long scaleFactor)
    {
        if (scaleFactor is < -10 or > 10)
        {
            throw new SunSpecValueException($"scale factor {scaleFactor} is outside -10..10");
        }

        var raw = value / Powers[scaleFactor + 10];
        if (raw != decimal.Truncate(raw))
        {
            throw new SunSpecValueException($"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is finer than the resolution {Powers[scaleFactor + 10].ToString(System.Globalization.CultureInfo.InvariantCulture)} the scale factor {scaleFactor} allows");
        }

        return raw;
    }

    private static decimal Pow(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
