using System.Text.Json;
using System.Xml;
using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Forecasts;

/// <summary>
/// Solcast's rooftop forecast: <c>{"forecasts": [{"pv_estimate": kW, "period_end": ISO 8601, "period": "PT30M"}, …]}</c>
/// (also <c>estimated_actuals</c>). Each entry is the mean power over the period that ends at <c>period_end</c>.
/// </summary>
public static class SolcastJson
{
    public static IntervalForecast Parse(string json)
    {
        using var document = ForecastJson.Document(json, "Solcast");
        var root = document.RootElement;
        JsonElement list = default;
        if (root.ValueKind != JsonValueKind.Object
            || !(root.TryGetProperty("forecasts", out list) || root.TryGetProperty("estimated_actuals", out list))
            || list.ValueKind != JsonValueKind.Array)
            throw new ManagerInputException("the Solcast forecast has no \"forecasts\" array");
        var intervals = new List<PowerInterval>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            index++;
            if (entry.ValueKind != JsonValueKind.Object)
                throw new ManagerInputException($"Solcast forecast {index}: expected an object");
            if (!entry.TryGetProperty("pv_estimate", out var estimate) || estimate.ValueKind != JsonValueKind.Number || !double.IsFinite(estimate.GetDouble()))
                throw new ManagerInputException($"Solcast forecast {index}: \"pv_estimate\" (kW) is missing or not a number");
            if (!entry.TryGetProperty("period_end", out var endElement) || endElement.ValueKind != JsonValueKind.String || !IsoTime.TryParse(endElement.GetString(), out var end))
                throw new ManagerInputException($"Solcast forecast {index}: \"period_end\" is missing or not an ISO 8601 time with an offset");
            var period = Period(entry, index);
            intervals.Add(new PowerInterval(end - period, end, estimate.GetDouble() * 1000));
        }
        return new IntervalForecast(intervals);
    }

    private static TimeSpan Period(JsonElement entry, int index)
    {
        if (!entry.TryGetProperty("period", out var element) || element.ValueKind != JsonValueKind.String)
            throw new ManagerInputException($"Solcast forecast {index}: \"period\" (e.g. PT30M) is missing");
        TimeSpan period;
        try
        {
            period = XmlConvert.ToTimeSpan(element.GetString()!);
        }
        catch (FormatException)
        {
            throw new ManagerInputException($"Solcast forecast {index}: \"period\" \"{element.GetString()}\" is not an ISO 8601 duration such as PT30M");
        }
        if (period <= TimeSpan.Zero)
            throw new ManagerInputException($"Solcast forecast {index}: \"period\" must be longer than zero");
        return period;
    }
}
