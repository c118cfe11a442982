using EnergyTap.Server.Storage.Maintenance;

namespace EnergyTap.Server.Storage.Sql;

/// <summary>One roll-up resolution: its table, its bucket width and its key in rollup_progress.</summary>
internal sealed record RollupTable(string Name, string ProgressKey, TimeSpan Width, HistoryResolution Resolution)
{
    public static readonly RollupTable FiveMinutes = new("rollup_5m", "5m", TimeSpan.FromMinutes(5), HistoryResolution.FiveMinutes);
    public static readonly RollupTable Hourly = new("rollup_1h", "1h", TimeSpan.FromHours(1), HistoryResolution.Hourly);

    public static IReadOnlyList<RollupTable> All { get; } = [FiveMinutes, Hourly];

    public static RollupTable For(HistoryResolution resolution) =>
        All.FirstOrDefault(t => t.Resolution == resolution)
        ?? throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "not a roll-up resolution");

    public DateTimeOffset BucketStart(DateTimeOffset time) => RollupAccumulator.BucketStart(time, Width);
}
