using System.Globalization;
using EnergyTap.Cli.Infrastructure;

namespace EnergyTap.Cli.Commands.History;

/// <summary>
/// Parses --from/--to: <c>now</c>, a time relative to now (<c>-90s</c>, <c>-30m</c>, <c>-24h</c>, <c>-7d</c>, <c>-2w</c>),
/// or an ISO 8601 time (<c>2026-03-01</c>, <c>2026-03-01T12:00:00Z</c>, <c>2026-03-01T14:00+02:00</c>; no offset means UTC).
/// </summary>
internal static class TimeArgument
{
    public static DateTimeOffset Parse(string text, string option, DateTimeOffset now)
    {
        text = text.Trim();
        if (text.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            return now;
        }

        if (text.Length >= 3 && text[0] == '-' && char.IsAsciiLetter(text[^1])
            && double.TryParse(text[1..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            var unit = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                'w' => TimeSpan.FromDays(7),
                _ => throw Invalid(text, option),
            };
            return now - unit * amount;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw Invalid(text, option);
    }

    private static UsageException Invalid(string text, string option) =>
        new($"{option} '{text}' is not a time: use now, -30m, -24h, -7d or an ISO 8601 time such as 2026-03-01T12:00:00Z");
}
