namespace EnergyTap.Manager.Policies;

/// <summary>
/// A mode and the constraints that combine with it (tou with an export limit and a reserve floor, …).
/// Signs as everywhere in EnergyTap: grid positive = import, battery positive = discharging.
/// </summary>
public sealed record Policy(ManageMode Mode)
{
    /// <summary>The grid power self-consumption holds, W (0 = neither import nor export).</summary>
    public double GridTargetWatts { get; init; }

    /// <summary>Never charge the battery from the grid, only from surplus solar.</summary>
    public bool SolarOnlyCharging { get; init; }

    /// <summary>Export at most this many watts (the battery absorbs the rest when it can).</summary>
    public double? ExportLimitWatts { get; init; }

    /// <summary>Import at most this many watts (the battery discharges to cap it).</summary>
    public double? PeakShaveWatts { get; init; }

    /// <summary>Keep the state of charge at or above this level, % (above the battery's own reserve).</summary>
    public double? BackupHoldPercent { get; init; }

    /// <summary>Reach this state of charge by a time, the cheapest way (ahead of a storm).</summary>
    public PreCharge? PreCharge { get; init; }

    /// <summary>Why the constraints cannot be used (a negative limit, a level outside 0–100 %, …), or null.</summary>
    public string? Problem() =>
        !double.IsFinite(GridTargetWatts) ? "the grid target must be a number of watts"
        : ExportLimitWatts is { } export && !(export >= 0 && double.IsFinite(export)) ? "the export limit must be 0 W or more"
        : PeakShaveWatts is { } peak && !(peak >= 0 && double.IsFinite(peak)) ? "the peak-shave import cap must be 0 W or more"
        : BackupHoldPercent is { } hold && !(hold is >= 0 and <= 100) ? "the backup-hold level must be between 0 and 100 %"
        : PreCharge is { } pre && !(pre.TargetPercent is > 0 and <= 100) ? "the pre-charge target must be above 0 and at most 100 %"
        : null;
}

/// <summary>Reach <paramref name="TargetPercent"/> by <paramref name="By"/>.</summary>
public sealed record PreCharge(double TargetPercent, DateTimeOffset By);
