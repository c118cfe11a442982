using System.Globalization;
using System.Text.Json;
using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Replay;

/// <summary>
/// A minimal reader for the generic price array <c>[{"start","end","value"}]</c>, only so replay runs on its own;
/// the full price parsers (Prices/) replace it. Malformed input throws a one-line <see cref="FormatException"/>.
/// </summary>
public static class MinimalPriceJson
{
    public static IReadOnlyList<PriceSlot> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON (line {(ex.LineNumber ?? 0) + 1})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("expected a JSON array of {\"start\", \"end\", \"value\"} objects");
            }

            var slots = new List<PriceSlot>();
            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                index++;
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"entry {index}: expected an object with start, end and value");
                }

                var start = Time(entry, "start", index);
                var end = Time(entry, "end", index);
                if (!entry.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Number || !double.IsFinite(value.GetDouble()))
                {
                    throw new FormatException($"entry {index}: \"value\" must be a number (currency per kWh)");
                }

                if (end <= start)
                {
                    throw new FormatException($"entry {index}: \"end\" must be after \"start\"");
                }

                slots.Add(new PriceSlot(start, end, value.GetDouble()));
            }

            slots.Sort((a, b) => a.Start.CompareTo(b.Start));
            for (var i = 1; i < slots.Count; i++)
            {
                if (slots[i].Start < slots[i - 1].End)
                {
                    throw new FormatException($"the prices from {slots[i].Start:u} overlap the ones before");
                }
            }

            return slots;
        }
    }

    private static DateTimeOffset Time(JsonElement entry, string name, int index) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
        DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new FormatException($"entry {index}: \"{name}\" must be an ISO 8601 time");
}
