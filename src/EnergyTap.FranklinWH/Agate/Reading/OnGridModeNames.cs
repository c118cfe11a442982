using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnergyTap.FranklinWH.Agate.Reading;

/// <summary>
/// Names for the aGate's native OnGridMode number. The numbering is unsettled between sources, so it
/// lives in data (<see cref="OnGridModesData"/>, a JSON document) and every name is shown beside the raw number.
/// </summary>
public sealed class OnGridModeNames
{
    private readonly IReadOnlyList<OnGridModeNumbering> numberings;

    private OnGridModeNames(IReadOnlyList<OnGridModeNumbering> numberings) => this.numberings = numberings;

    public static OnGridModeNames Builtin { get; } = LoadBuiltin();

    public IReadOnlyList<string> NumberingIds => [.. numberings.Select(n => n.Id)];

    /// <summary>Parses a numbering document shaped like the built-in OnGridModes.json.</summary>
    public static OnGridModeNames Parse(string json)
    {
        var document = JsonSerializer.Deserialize(json, OnGridModeJsonContext.Default.OnGridModeDocument)
            ?? throw new FormatException("empty OnGridMode numbering document");
        if (document.Numberings.Count == 0)
        {
            throw new FormatException("the OnGridMode numbering document lists no numbering");
        }

        return new OnGridModeNames(document.Numberings);
    }

    /// <summary>The mode under the chosen numbering (first one if null), with the other numberings' names beside it.</summary>
    public NativeMode Describe(int? raw, string? numberingId = null)
    {
        var chosen = numberingId is null ? numberings[0]
            : numberings.FirstOrDefault(n => n.Id == numberingId)
              ?? throw new ArgumentException($"unknown OnGridMode numbering '{numberingId}' (known: {string.Join(", ", NumberingIds)})", nameof(numberingId));
        if (raw is not { } number)
        {
            return new NativeMode(null, "unknown", chosen.Id, []);
        }

        var key = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var others = numberings.Where(n => n != chosen)
            .Select(n => new AlternativeModeName(n.Id, n.Modes.GetValueOrDefault(key, "unknown")))
            .ToArray();
        return new NativeMode(number, chosen.Modes.GetValueOrDefault(key, "unknown"), chosen.Id, others);
    }

    private static OnGridModeNames LoadBuiltin() => Parse(OnGridModesData.Json);
}

/// <summary>The native mode: raw number, the name under the chosen numbering, and what the others call it.</summary>
public sealed record NativeMode(int? Raw, string Name, string Numbering, IReadOnlyList<AlternativeModeName> Alternatives)
{
    public override string ToString() => Raw is null ? "unknown" : $"{Name} ({Raw})";
}

public sealed record AlternativeModeName(string Numbering, string Name);

internal sealed record OnGridModeNumbering(string Id, string Source, Dictionary<string, string> Modes);

internal sealed record OnGridModeDocument(string? Comment, List<OnGridModeNumbering> Numberings);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OnGridModeDocument))]
internal sealed partial class OnGridModeJsonContext : JsonSerializerContext;
