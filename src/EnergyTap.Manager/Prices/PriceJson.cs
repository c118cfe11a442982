using System.Globalization;
using System.Text.Json;

namespace EnergyTap.Manager.Prices;

/// <summary>
/// The generic price array used by evcc and others: <c>[{"start": ISO 8601, "end": ISO 8601, "value": number}]</c>,
/// value in currency per kWh. Extra fields are ignored; times need an offset (or Z) so no time zone is guessed.
/// </summary>
public static class PriceJson
{
    public static IReadOnlyList<PriceSlot> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ManagerInputException($"the price file is not valid JSON (line {(e.LineNumber ?? 0) + 1}): expected an array of {{\"start\",\"end\",\"value\"}}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new ManagerInputException("the price file must be a JSON array of {\"start\",\"end\",\"value\"} objects");
            var slots = new List<PriceSlot>();
            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                index++;
                slots.Add(ParseEntry(entry, index));
            }
            return PriceSlotCheck.Checked(slots, i => $"price entry {i + 1}");
        }
    }

    private static PriceSlot ParseEntry(JsonElement entry, int index)
    {
        if (entry.ValueKind != JsonValueKind.Object)
            throw new ManagerInputException($"price entry {index}: expected an object with \"start\", \"end\" and \"value\"");
        var start = Time(entry, "start", index);
        var end = Time(entry, "end", index);
        if (!entry.TryGetProperty("value", out var value))
            throw new ManagerInputException($"price entry {index}: \"value\" is missing");
        // Some feeds quote numbers; accept a quoted invariant number too, nothing else.
        double number;
        if (value.ValueKind == JsonValueKind.Number)
            number = value.GetDouble();
        else if (value.ValueKind != JsonValueKind.String || !double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            throw new ManagerInputException($"price entry {index}: \"value\" is not a number");
        return new PriceSlot(start, end, number);
    }

    private static DateTimeOffset Time(JsonElement entry, string name, int index)
    {
        if (!entry.TryGetProperty(name, out var element))
            throw new ManagerInputException($"price entry {index}: \"{name}\" is missing");
        if (element.ValueKind != JsonValueKind.String || !IsoTime.TryParse(element.GetString(), out var time))
            throw new ManagerInputException($"price entry {index}: \"{name}\" is not an ISO 8601 time with an offset (e.g. 2026-06-01T17:00:00-07:00)");
        return time;
    }
}
