namespace EnergyTap.Server.Storage;

/// <summary>Which table a history query reads.</summary>
public enum HistoryResolution
{
    /// <summary>Pick by the length of the range: raw up to 6 hours, 5-minute up to 7 days, hourly beyond.</summary>
    Auto,
    /// <summary>Every stored reading (kept for <see cref="RetentionPolicy.Raw"/>).</summary>
    Raw,
    /// <summary>5-minute roll-ups of completed buckets.</summary>
    FiveMinutes,
    /// <summary>Hourly roll-ups of completed buckets.</summary>
    Hourly,
}

/// <summary>A range of history: [From, To), optionally narrowed to some series.</summary>
public sealed record HistoryQuery(DateTimeOffset From, DateTimeOffset To)
{
    public const int DefaultLimit = 100_000;

    public SeriesFilter Filter { get; init; } = SeriesFilter.All;

    public HistoryResolution Resolution { get; init; } = HistoryResolution.Auto;

    /// <summary>At most this many rows, the earliest first.</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>The concrete resolution <see cref="HistoryResolution.Auto"/> stands for in this range.</summary>
    public HistoryResolution EffectiveResolution => Resolution != HistoryResolution.Auto
        ? Resolution
        : (To - From) switch
        {
            var span when span <= TimeSpan.FromHours(6) => HistoryResolution.Raw,
            var span when span <= TimeSpan.FromDays(7) => HistoryResolution.FiveMinutes,
            _ => HistoryResolution.Hourly,
        };
}
