namespace EnergyTap.Manager.Replay;

/// <summary>What a replay measured. Energies in kWh, costs in the prices' currency, powers in W.</summary>
public sealed record ReplayResult
{
    public double Days { get; init; }

    /// <summary>The cost of the trace with no battery at all.</summary>
    public double CostWithoutBattery { get; init; }

    public double Cost { get; init; }

    /// <summary>The planner's perfect-foresight cost over the whole trace, ending at or above the starting SoC; null without a planner.</summary>
    public double? OptimalCost { get; init; }

    public double ImportKwh { get; init; }

    public double ExportKwh { get; init; }

    /// <summary>Charged plus discharged AC energy.</summary>
    public double BatteryThroughputKwh { get; init; }

    /// <summary>The share of the time the battery could act (grid-holding intent, within its rated power, not full when charge was needed, not at its floor when discharge was) with |grid − target| ≤ 100 W; null when it never could.</summary>
    public double? GridWithin100WFraction { get; init; }

    public double MinSocPercent { get; init; }

    public double MaxSocPercent { get; init; }

    public double EndSocPercent { get; init; }

    /// <summary>Commands beyond the rated powers, or discharging while the battery was below its reserve or backup hold.</summary>
    public int LimitViolations { get; init; }

    /// <summary>Times a new plan replaced the running one with different intents.</summary>
    public int PlanChanges { get; init; }

    /// <summary>Times the commanded power changed (each one a write to the battery).</summary>
    public int Commands { get; init; }

    /// <summary>The most charge/discharge reversals of the command in one minute.</summary>
    public int ReversalsPerMinuteMax { get; init; }

    /// <summary>The start of the minute with the most reversals (null without any), to look at in the trace.</summary>
    public DateTimeOffset? WorstReversalMinute { get; init; }

    public int FollowAlarms { get; init; }

    public double LoadKwh { get; init; }

    public double PvKwh { get; init; }

    public double ChargeKwh { get; init; }

    public double DischargeKwh { get; init; }

    public double BatteryLossKwh { get; init; }
}
