namespace EnergyTap.Manager.Loop;

/// <summary>How the fast loop behaves. The defaults suit an aGate polled every 5 s.</summary>
public sealed record LoopOptions
{
    public static readonly TimeSpan ShortestPeriod = TimeSpan.FromSeconds(2);

    /// <summary>One cycle per measurement: the aGate's poll rate (5 s by default; 2 s is the fastest allowed).</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A new target this close to the last command keeps the last command (no write for noise).</summary>
    public double DeadbandWatts { get; init; } = 50;

    /// <summary>The most the command changes in one cycle.</summary>
    public double RampWattsPerCycle { get; init; } = 3000;

    /// <summary>The share of a correction applied while corrections keep changing sign (hunting).</summary>
    public double DampingFactor { get; init; } = 0.5;

    /// <summary>A change between charging and discharging smaller than this idles instead (PV ≈ load would otherwise flip the battery on noise).</summary>
    public double ReversalThresholdWatts { get; init; } = 100;

    /// <summary>The shortest time between two charge/discharge reversals; inside it the battery idles instead.</summary>
    public TimeSpan MinReversalInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive sign changes of the correction after which it is damped.</summary>
    public int HuntingSignChanges { get; init; } = 2;

    /// <summary>Cycles a command may go unfollowed before the alarm is raised and the loop backs off.</summary>
    public int FollowCycles { get; init; } = 3;

    /// <summary>How far the measured battery power may be from the command and still count as following (or 10 % of the command, if more).</summary>
    public double FollowToleranceWatts { get; init; } = 150;

    /// <summary>Cycles the loop commands 0 W after the follow alarm before it tries again.</summary>
    public int BackOffCycles { get; init; } = 12;

    /// <summary>Why the options are unusable, or null.</summary>
    public string? Problem() =>
        Period < ShortestPeriod ? "the loop period must be at least 2 s"
        : Period > TimeSpan.FromMinutes(1) ? "the loop period must be at most 60 s"
        : !(DeadbandWatts >= 0) ? "the deadband must be 0 W or more"
        : !(RampWattsPerCycle > 0) ? "the ramp limit must be more than 0 W per cycle"
        : !(DampingFactor is > 0 and <= 1) ? "the damping factor must be above 0 and at most 1"
        : !(ReversalThresholdWatts >= 0) ? "the reversal threshold must be 0 W or more"
        : MinReversalInterval < TimeSpan.Zero ? "the time between reversals must not be negative"
        : HuntingSignChanges < 1 ? "hunting needs at least 1 sign change"
        : FollowCycles < 1 ? "the follow check needs at least 1 cycle"
        : !(FollowToleranceWatts >= 0) ? "the follow tolerance must be 0 W or more"
        : BackOffCycles < 0 ? "the back-off must be 0 cycles or more"
        : null;
}
