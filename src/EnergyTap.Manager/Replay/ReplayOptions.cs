using EnergyTap.Manager.Battery;
using EnergyTap.Manager.Loop;
using EnergyTap.Manager.Policies;
using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Replay;

/// <summary>Where a replay's planner gets its PV and load forecasts from.</summary>
public enum ReplayForecast
{
    /// <summary>The trace itself: the planner knows the future exactly.</summary>
    Perfect,

    /// <summary>Only what the trace showed before the planning time (same time of day on earlier days).</summary>
    History,
}

/// <summary>Everything a replay needs besides the trace and the planner.</summary>
public sealed record ReplayOptions(BatterySpec Battery, Policy Policy, IReadOnlyList<PriceSlot> ImportPrices)
{
    /// <summary>Export prices; none (or a gap) means 0.</summary>
    public IReadOnlyList<PriceSlot> ExportPrices { get; init; } = [];

    public double InitialSocPercent { get; init; } = 50;

    /// <summary>How late the loop sees the grid and battery measurements.</summary>
    public TimeSpan MeterLatency { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the simulated battery takes to answer a command.</summary>
    public TimeSpan ReactionDelay { get; init; } = TimeSpan.FromSeconds(1);

    public LoopOptions Loop { get; init; } = new();

    public ReplayForecast Forecast { get; init; } = ReplayForecast.Perfect;

    /// <summary>How often tou plans again.</summary>
    public TimeSpan PlanningInterval { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan Horizon { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan SlotLength { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The physics step of the simulation; latency and the loop period are rounded to it.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Why these options cannot be replayed, in plain words, or null.</summary>
    public string? Problem() =>
        Battery.Problem() ?? Loop.Problem() ??
        (!(InitialSocPercent is >= 0 and <= 100) ? "the initial state of charge must be between 0 and 100 %"
        : MeterLatency < TimeSpan.Zero || MeterLatency > TimeSpan.FromMinutes(1) ? "the meter latency must be between 0 and 60 s"
        : ReactionDelay < TimeSpan.Zero || ReactionDelay > TimeSpan.FromMinutes(1) ? "the reaction delay must be between 0 and 60 s"
        : Policy.ExportLimitWatts is < 0 ? "the export limit must be 0 W or more"
        : Policy.PeakShaveWatts is < 0 ? "the peak-shave limit must be 0 W or more"
        : Policy.BackupHoldPercent is { } hold && !(hold is >= 0 and <= 100) ? "the backup hold must be between 0 and 100 %"
        : Tick <= TimeSpan.Zero || Tick > TimeSpan.FromSeconds(1) ? "the simulation tick must be more than 0 and at most 1 s"
        : SlotLength <= TimeSpan.Zero || PlanningInterval <= TimeSpan.Zero || Horizon < SlotLength ? "the planning slots, interval and horizon must be positive"
        : null);
}
