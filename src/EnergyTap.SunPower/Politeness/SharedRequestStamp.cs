using System.Globalization;
using System.Text.Json;

namespace EnergyTap.SunPower.Politeness;

/// <summary>
/// What the last process to talk to a PVS leaves for the next: when its request ended (the minimum interval
/// runs from there) and until when it backs off after a failure (so the next CLI command does not knock on a
/// PVS that just answered 503).
/// </summary>
internal sealed record SharedRequestStamp(DateTimeOffset? LastFinished, DateTimeOffset? BackoffUntil)
{
    public const string FileName = "requests.json";

    public static SharedRequestStamp Read(PvsSharedLock held)
    {
        if (held.Read(FileName) is not { } text)
        {
            return new SharedRequestStamp(null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return new SharedRequestStamp(Time(document.RootElement, "lastFinished"), Time(document.RootElement, "backoffUntil"));
        }
        catch (JsonException)
        {
            return new SharedRequestStamp(null, null); // a damaged file only costs the sharing of one request
        }
    }

    public void Write(PvsSharedLock held)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (LastFinished is { } last)
            {
                json.WriteString("lastFinished", last.ToString("O", CultureInfo.InvariantCulture));
            }

            if (BackoffUntil is { } until)
            {
                json.WriteString("backoffUntil", until.ToString("O", CultureInfo.InvariantCulture));
            }

            json.WriteEndObject();
        }

        held.Write(FileName, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    internal static DateTimeOffset? Time(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : null;
}
