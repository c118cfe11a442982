using System.Globalization;

namespace EnergyTap.Server.Storage;

/// <summary>
/// The words history ranges are given in, the same in the CLI and the API: <c>now</c>, a time relative to now
/// (<c>-90s</c>, <c>-30m</c>, <c>-24h</c>, <c>-7d</c>, <c>-2w</c>) or an ISO 8601 time (no offset means UTC);
/// resolutions <c>auto</c>, <c>raw</c>, <c>5m</c>, <c>1h</c>.
/// </summary>
public static class HistoryText
{
    public const string TimeHint = "use now, -30m, -24h, -7d or an ISO 8601 time such as 2026-03-01T12:00:00Z";

    public static IReadOnlyList<string> ResolutionNames { get; } = ["auto", "raw", "5m", "1h"];

    public static bool TryParseTime(string text, DateTimeOffset now, out DateTimeOffset time)
    {
        text = text.Trim();
        time = now;
        if (text.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Length >= 3 && text[0] == '-' && char.IsAsciiLetter(text[^1])
            && double.TryParse(text[1..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? unit = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                'w' => TimeSpan.FromDays(7),
                _ => null,
            };
            if (unit is { } step)
            {
                time = now - step * amount;
            }

            return unit is not null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    public static bool TryParseResolution(string text, out HistoryResolution resolution)
    {
        HistoryResolution? known = text.Trim().ToLowerInvariant() switch
        {
            "auto" => HistoryResolution.Auto,
            "raw" => HistoryResolution.Raw,
            "5m" => HistoryResolution.FiveMinutes,
            "1h" => HistoryResolution.Hourly,
            _ => null,
        };
        resolution = known ?? HistoryResolution.Auto;
        return known is not null;
    }
}
