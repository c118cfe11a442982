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
}

/// <summary>Reach <paramref name="TargetPercent"/> by <paramref name="By"/>.</summary>
public sealed record PreCharge(double TargetPercent, DateTimeOffset By);
