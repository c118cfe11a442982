using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EnergyTap.SunPower.Politeness;

/// <summary>
/// The last DeviceList answer any process got from a PVS, kept in a <see cref="PvsSharedCache"/> as the PVS sent
/// it (and the SunVault status read with it), so the next process parses the same bytes instead of asking again.
/// </summary>
internal sealed record SharedDeviceList(DateTimeOffset FetchedAt, string DeviceList, string? EssStatus)
{
    public const string FileName = "devicelist.json";

    public static SharedDeviceList? Read(PvsSharedLock held)
    {
        if (held.Read(FileName) is not { } text)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return SharedRequestStamp.Time(root, "fetchedAt") is { } at && root.TryGetProperty("deviceList", out var list) && list.ValueKind == JsonValueKind.String
                ? new SharedDeviceList(at, list.GetString()!, root.TryGetProperty("essStatus", out var ess) && ess.ValueKind == JsonValueKind.String ? ess.GetString() : null)
                : null;
        }
        catch (JsonException)
        {
            return null; // damaged: read the PVS instead
        }
    }

    public void Write(PvsSharedLock held)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("fetchedAt", FetchedAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("deviceList", DeviceList);
            if (EssStatus is not null)
            {
                json.WriteString("essStatus", EssStatus);
            }

            json.WriteEndObject();
        }

        held.Write(FileName, Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
