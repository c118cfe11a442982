namespace EnergyTap.FranklinWH.Cloud.Stats;

internal static class StateNames
{
    /// <summary>The name, "Unknown (n)" for a code no source documents, "n/a" when the field was absent.</summary>
    public static string Describe(IReadOnlyDictionary<int, string> names, int? code) =>
        code is null ? "n/a" : names.TryGetValue(code.Value, out var name) ? name : $"Unknown ({code})";
}
