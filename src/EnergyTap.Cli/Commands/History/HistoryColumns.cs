using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage;

namespace EnergyTap.Cli.Commands.History;

/// <summary>The columns each kind of history output has.</summary>
internal static class HistoryColumns
{
    public static readonly IReadOnlyList<Column<HistoryRow>> Raw =
    [
        new("time", r => r.Time), new("site", r => r.Site), new("device", r => r.Device), new("quantity", r => r.Quantity),
        new("value", r => r.Value), new("unit", r => r.Unit), new("quality", r => Quality(r.Quality)),
    ];

    public static readonly IReadOnlyList<Column<HistoryRow>> Rollup =
    [
        new("time", r => r.Time), new("site", r => r.Site), new("device", r => r.Device), new("quantity", r => r.Quantity),
        new("avg", r => r.Value), new("min", r => r.Min), new("max", r => r.Max), new("count", r => r.Count), new("last", r => r.Last),
        new("unit", r => r.Unit),
    ];

    public static readonly IReadOnlyList<Column<SeriesSummary>> Series =
    [
        new("site", s => s.Site), new("device", s => s.Device), new("quantity", s => s.Quantity), new("unit", s => s.Unit),
        new("first", s => s.First), new("last", s => s.Last), new("count", s => s.RawCount),
    ];

    public static readonly IReadOnlyList<Column<Reading>> Latest =
    [
        new("time", r => r.Time), new("site", r => r.Site), new("device", r => r.Device), new("quantity", r => r.Quantity),
        new("value", r => r.Value), new("unit", r => r.Unit), new("quality", r => Quality(r.Quality)),
    ];

    private static string? Quality(ReadingQuality? quality) => quality?.ToString().ToLowerInvariant();
}
