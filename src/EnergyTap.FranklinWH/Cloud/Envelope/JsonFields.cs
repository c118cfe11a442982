using System.Globalization;
using System.Text.Json;

namespace EnergyTap.FranklinWH.Cloud.Envelope;

/// <summary>
/// Lenient readers for the cloud's loosely typed JSON: numbers sometimes arrive as strings, fields go missing
/// between app versions. A missing or unreadable field is null, never zero.
/// </summary>
internal static class JsonFields
{
    public static double? Double(this JsonElement obj, string name) =>
        TryGet(obj, name, out var v) ? AsDouble(v) : null;

    public static int? Int(this JsonElement obj, string name) =>
        Double(obj, name) is { } d ? (int)Math.Round(d) : null;

    public static string? String(this JsonElement obj, string name) =>
        TryGet(obj, name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    public static bool? Bool(this JsonElement obj, string name) =>
        TryGet(obj, name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => AsDouble(v) is { } d ? d != 0 : null,
        } : null;

    public static IReadOnlyList<double?> DoubleArray(this JsonElement obj, string name) =>
        TryGet(obj, name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(AsDouble)] : [];

    public static IReadOnlyList<int?> IntArray(this JsonElement obj, string name) =>
        [.. DoubleArray(obj, name).Select(d => d is { } x ? (int?)(int)Math.Round(x) : null)];

    public static bool IsObject(this JsonElement element) => element.ValueKind == JsonValueKind.Object;

    private static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private static double? AsDouble(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => null,
    };
}
