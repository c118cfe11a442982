using System.Globalization;
using System.Text.Json;

namespace EnergyTap.SunPower.Parsing;

/// <summary>
/// Turns the PVS's loosely typed values into numbers and times. The PVS sends numbers as strings ("1.9867"),
/// sometimes as JSON numbers (panid, slave), "nan" where a value does not exist, and times as
/// "YYYY,MM,DD,hh,mm,ss" in UTC. Anything unreadable becomes null rather than an exception: one odd field
/// must not hide the rest of the payload.
/// </summary>
public static class PvsValues
{
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static double? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        // "nan", "inf" parse as doubles; they mean "no value" on the PVS.
        return double.IsFinite(value) ? value : null;
    }

    public static long? ParseInteger(string? text)
    {
        var number = ParseNumber(text);
        return number is { } n && n >= long.MinValue && n <= long.MaxValue ? (long)Math.Round(n) : null;
    }

    public static bool? ParseFlag(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "1" or "TRUE" or "ON" or "YES" => true,
        "0" or "FALSE" or "OFF" or "NO" => false,
        _ => null,
    };

    /// <summary>Accepts "YYYY,MM,DD,hh,mm,ss" (UTC), Unix seconds, and ISO 8601 (what varserver's msmtEps may carry).</summary>
    public static DateTimeOffset? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var parts = trimmed.Split(',');
        if (parts.Length == 6)
        {
            var numbers = new int[6];
            for (var i = 0; i < 6; i++)
            {
                if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                {
                    return null;
                }
            }

            try
            {
                return new DateTimeOffset(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], TimeSpan.Zero);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            // Milliseconds when the number is too large to be seconds in this century; past year 9999 it is no time at all.
            return epoch <= 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(epoch)
                : epoch <= MaxUnixMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(epoch)
                : null;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var iso)
            ? iso
            : null;
    }

    /// <summary>The text of any JSON scalar as the PVS meant it; objects and arrays keep their raw JSON.</summary>
    public static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };
}
