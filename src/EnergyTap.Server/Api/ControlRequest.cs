using System.Text.Json;
using EnergyTap.Server.Control;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Api;

/// <summary>Body of POST /api/control/{site}/{device}: {"kind":"charge","watts":2000,"durationSeconds":600}.</summary>
public sealed record ControlRequest(BatteryCommandKind Kind, double Watts, int DurationSeconds)
{
    /// <summary>
    /// Reads the body field by field so a client that sends a wrong kind or a string for watts hears which field
    /// is wrong and what it may be, not the serializer's message about .NET types.
    /// </summary>
    public static async Task<(ControlRequest? Request, string? Problem)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return (null, "the body is not JSON; send {\"kind\":\"charge\",\"watts\":2000,\"durationSeconds\":600}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "the body must be a JSON object with kind, watts and durationSeconds");
            }

            var kinds = string.Join(", ", Enum.GetNames<BatteryCommandKind>().Select(n => n.ToLowerInvariant()));
            if (!Field(root, "kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String
                || !Enum.TryParse<BatteryCommandKind>(kindElement.GetString(), ignoreCase: true, out var kind)
                || !Enum.IsDefined(kind) || int.TryParse(kindElement.GetString(), out _))
            {
                return (null, $"kind must be one of {kinds}");
            }

            var watts = 0.0;
            if (Field(root, "watts", out var wattsElement) && !(wattsElement.ValueKind == JsonValueKind.Number && wattsElement.TryGetDouble(out watts)))
            {
                return (null, "watts must be a number");
            }

            if (!Field(root, "durationSeconds", out var durationElement) || durationElement.ValueKind != JsonValueKind.Number
                || !durationElement.TryGetInt32(out var seconds))
            {
                return (null, "durationSeconds must be a whole number of seconds (every battery command needs a revert deadline)");
            }

            return (new ControlRequest(kind, watts, seconds), null);
        }
    }

    /// <summary>The named property, matched without regard to case as the serializer's web defaults would.</summary>
    private static bool Field(JsonElement root, string name, out JsonElement value)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
