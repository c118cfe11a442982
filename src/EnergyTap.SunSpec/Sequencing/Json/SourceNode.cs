using System.Text.Json;

namespace EnergyTap.SunSpec.Sequencing.Json;

/// <summary>
/// A JSON value that remembers where it was written: its JSON path ("$[2].writes['704.WSetPct']") and its
/// 1-based line. JsonDocument forgets lines, and a user fixing a sequence file wants them.
/// </summary>
internal sealed class SourceNode(JsonValueKind kind, string path, int line)
{
    public JsonValueKind Kind { get; } = kind;

    public string Path { get; } = path;

    public int Line { get; } = line;

    /// <summary>Numbers as written (decimal keeps 0.1 exact), strings, true/false; null otherwise.</summary>
    public object? Scalar { get; init; }

    /// <summary>Object members in file order (duplicates kept, so the loader can report them).</summary>
    public List<KeyValuePair<string, SourceNode>> Members { get; } = [];

    public List<SourceNode> Items { get; } = [];

    public SourceLocation Location => new(Path, Line);

    public string KindName => Kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
