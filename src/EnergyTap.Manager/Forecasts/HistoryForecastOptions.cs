namespace EnergyTap.Manager.Forecasts;

/// <summary>How <see cref="HistoryForecast"/> averages the past.</summary>
public sealed record HistoryForecastOptions
{
    /// <summary>How many recent days (with data) of the same time of day are averaged.</summary>
    public int Days { get; init; } = 7;

    /// <summary>Scale the rest of today by today's measured/forecast ratio so far (an overcast morning lowers the afternoon).</summary>
    public bool ScaleByToday { get; init; } = true;

    /// <summary>Below this much forecast energy so far today (Wh) the ratio is noise (dawn) and is not applied.</summary>
    public double MinEnergyForScalingWh { get; init; } = 200;

    /// <summary>The ratio is clamped to [0, this] so one odd morning cannot triple a forecast.</summary>
    public double MaxScale { get; init; } = 2;

    /// <summary>
    /// For a slot no past day has data for (a new installation's first day): the mean of this much time before now,
    /// the home's load right now being the best guess of its load. Null: 0 W, right for PV (nothing promises any).
    /// </summary>
    public TimeSpan? RecentFallback { get; init; }

    /// <summary>The zone whose days and times of day are compared (a household lives by local time); UTC when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }
}
