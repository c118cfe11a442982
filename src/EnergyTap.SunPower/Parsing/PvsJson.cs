using System.Text.Json;

namespace EnergyTap.SunPower.Parsing;

/// <summary>Reads PVS JSON bodies into a DOM and turns every way it can be broken into one protocol error.</summary>
public static class PvsJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static JsonDocument Parse(ReadOnlyMemory<byte> body, string what)
    {
        if (body.IsEmpty)
        {
            throw new PvsProtocolException($"{what}: the PVS sent an empty body");
        }

        try
        {
            return JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            throw new PvsProtocolException($"{what}: the PVS sent invalid or truncated JSON ({ex.Message.Split('.')[0]})", ex);
        }
    }

    /// <summary>Throws unless "result" is absent or "succeed"; "unknown command" means the firmware lacks the command.</summary>
    public static void EnsureSucceeded(JsonElement root, string what)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
        {
            return;
        }

        var text = PvsValues.Text(result);
        if (string.Equals(text, "succeed", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "success", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (text is not null && text.Contains("unknown command", StringComparison.OrdinalIgnoreCase))
        {
            throw new PvsCommandNotSupportedException($"{what}: this PVS firmware does not know the command");
        }

        throw new PvsProtocolException($"{what}: the PVS answered result \"{text}\" instead of \"succeed\"");
    }

    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? PvsValues.Text(value) : null;

    public static double? Number(JsonElement obj, string name) => PvsValues.ParseNumber(String(obj, name));

    public static bool? Flag(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : PvsValues.ParseFlag(String(obj, name));

    /// <summary>Every property of an object as text, so unknown fields survive into the model.</summary>
    public static Dictionary<string, string?> Fields(JsonElement obj)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (obj.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in obj.EnumerateObject())
            {
                fields[property.Name] = PvsValues.Text(property.Value);
            }
        }

        return fields;
    }
}
