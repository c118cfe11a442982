using System.Text.Json;
using System.Text.Unicode;

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

        // JsonDocument checks UTF-8 only when a string is read, and then throws InvalidOperationException.
        if (!Utf8.IsValid(body.Span))
        {
            throw new PvsProtocolException($"{what}: the PVS sent a body that is not UTF-8 text");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            throw new PvsProtocolException($"{what}: the PVS sent invalid or truncated JSON ({ex.Message.Split('.')[0]})", ex);
        }

        // JsonDocument accepts "\ud800" (half a UTF-16 surrogate pair) but throws InvalidOperationException wherever
        // such a string is read or such a property name compared, so a body with one is refused here, once.
        if (body.Span.IndexOf("\\u"u8) >= 0 && !HasReadableText(document.RootElement))
        {
            document.Dispose();
            throw new PvsProtocolException($"{what}: the PVS sent JSON with a broken \\u escape (half a surrogate pair)");
        }

        return document;
    }

    private static bool HasReadableText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    return element.EnumerateObject().All(property => property.Name is not null && HasReadableText(property.Value));
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(HasReadableText);
                case JsonValueKind.String:
                    return element.GetString() is not null;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
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

        throw new PvsProtocolException($"{what}: the PVS answered result \"{OneLine(text)}\" instead of \"succeed\"");
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

    /// <summary>Device text quoted in a message: control characters would break the one-line message, and length is capped.</summary>
    private static string OneLine(string? text)
    {
        const int MaxLength = 80;
        var line = string.Concat((text ?? "").Select(c => char.IsControl(c) ? ' ' : c));
        return line.Length <= MaxLength ? line : line[..MaxLength] + "…";
    }
}
