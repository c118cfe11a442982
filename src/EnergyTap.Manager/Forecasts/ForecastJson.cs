using System.Text.Json;

namespace EnergyTap.Manager.Forecasts;

internal static class ForecastJson
{
    public static JsonDocument Document(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ManagerInputException($"the {source} forecast is not valid JSON (line {(e.LineNumber ?? 0) + 1})");
        }
    }
}
