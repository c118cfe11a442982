using System.Globalization;

namespace EnergyTap.Manager.Prices;

/// <summary>ISO 8601 times that carry their offset; a bare local time is refused rather than guessed.</summary>
internal static class IsoTime
{
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        if (!HasOffset(text))
            return false;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    // After the date part ("yyyy-MM-dd"), an offset is a Z or a +/- sign.
    private static bool HasOffset(string text)
    {
        var t = text.IndexOfAny(['T', 't', ' ']);
        if (t < 0)
            return false;
        var rest = text.AsSpan(t + 1);
        return rest.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || rest.IndexOfAny('+', '-') >= 0;
    }
}
