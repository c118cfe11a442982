using System.Globalization;
using System.Text.Json;
using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Forecasts;

/// <summary>
/// Forecast.Solar's estimate: <c>{"result": {"watts": {"2026-06-01 06:00:00": 120, …}}, "message": {"info": {"timezone": "…"}}}</c>.
/// Timestamps without an offset are local to the zone in <c>message.info.timezone</c>, else to <paramref name="zone"/>.
/// </summary>
public static class ForecastSolarJson
{
    public static PointForecast Parse(string json, TimeZoneInfo? zone = null)
    {
        using var document = ForecastJson.Document(json, "Forecast.Solar");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("watts", out var watts) || watts.ValueKind != JsonValueKind.Object)
            throw new ManagerInputException("the Forecast.Solar forecast has no \"result.watts\" object of time → W");
        if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
            && message.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("timezone", out var named) && named.ValueKind == JsonValueKind.String)
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(named.GetString()!);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new ManagerInputException($"the Forecast.Solar forecast names the time zone \"{named.GetString()}\", which is not known here");
            }
        }
        var points = new List<(DateTimeOffset, double)>();
        foreach (var entry in watts.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !double.IsFinite(entry.Value.GetDouble()))
                throw new ManagerInputException($"Forecast.Solar watts at \"{entry.Name}\": not a number");
            points.Add((Time(entry.Name, zone), entry.Value.GetDouble()));
        }
        return new PointForecast(points);
    }

    private static DateTimeOffset Time(string text, TimeZoneInfo? zone)
    {
        if (IsoTime.TryParse(text, out var withOffset))
            return withOffset;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new ManagerInputException($"Forecast.Solar watts: \"{text}\" is not a time");
        if (zone is null)
            throw new ManagerInputException($"Forecast.Solar watts: \"{text}\" has no offset and the forecast names no time zone; give the site's time zone");
        // A local time skipped by the spring clock change has no instant; read it with the offset in force before the change.
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddHours(-1)) : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
