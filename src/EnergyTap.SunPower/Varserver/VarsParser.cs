using System.Text.Json;
using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.Varserver;

/// <summary>
/// Reads a /vars answer: {"values":[{"name","value"}],"count":n}, or with fmt=obj a plain name→value object.
/// Values become text; a value that is itself an object (older per-device shape) keeps its raw JSON.
/// </summary>
public static class VarsParser
{
    public static IReadOnlyDictionary<string, string?> Parse(ReadOnlyMemory<byte> body, string what)
    {
        using var document = PvsJson.Parse(body, what);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PvsProtocolException($"{what}: expected a JSON object from /vars");
        }

        PvsJson.EnsureSucceeded(root, what);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (root.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in values.EnumerateArray())
            {
                if (PvsJson.String(item, "name") is { } name)
                {
                    result[name] = item.TryGetProperty("value", out var value) ? PvsValues.Text(value) : null;
                }
            }

            return result;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.StartsWith('/'))
            {
                result[property.Name] = PvsValues.Text(property.Value);
            }
        }

        return result;
    }
}
