using System.Globalization;
using System.Text.RegularExpressions;

namespace EnergyTap.SunSpec.Points;

/// <summary>
/// A point name as users write it: <c>MODEL.POINT</c>, <c>MODEL.GROUP.POINT</c> or <c>MODEL.GROUP[i].POINT</c>,
/// e.g. <c>704.WSetPct</c>, <c>714.Prt[2].DCW</c>, <c>1.SN</c>. Indexes of repeating groups start at 1.
/// </summary>
public sealed partial record PointPath(int ModelId, IReadOnlyList<PointPath.Segment> Segments)
{
    public sealed record Segment(string Name, int? Index);

    public static PointPath Parse(string text)
    {
        var parts = text.Trim().Split('.');
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var modelId))
        {
            throw new SunSpecPointException($"'{text}' is not a point name; write MODEL.POINT or MODEL.GROUP[i].POINT, e.g. 704.WSetPct or 714.Prt[1].DCW");
        }

        var segments = new List<Segment>();
        foreach (var part in parts.Skip(1))
        {
            var match = SegmentPattern().Match(part);
            if (!match.Success)
            {
                throw new SunSpecPointException($"'{text}': '{part}' is not a point or group name (groups take a 1-based index like Prt[1])");
            }

            segments.Add(new Segment(
                match.Groups["name"].Value,
                match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) : null));
        }

        if (segments[^1].Index is not null)
        {
            throw new SunSpecPointException($"'{text}' ends in a group; name a point inside it, e.g. {text}.{{POINT}}");
        }

        return new PointPath(modelId, segments);
    }

    public override string ToString() =>
        $"{ModelId}." + string.Join('.', Segments.Select(s => s.Index is int i ? $"{s.Name}[{i}]" : s.Name));

    // [0-9], not \d: \d also matches other scripts' digits (U+0663, Arabic-Indic three), which int.Parse rejects.
    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(\[(?<index>[0-9]{1,5})\])?$")]
    private static partial Regex SegmentPattern();
}
