namespace EnergyTap.Manager.Loop;

/// <summary>What the fast loop sees each cycle (as measured, possibly late by the meter latency).</summary>
public sealed record Measurement(DateTimeOffset At, double GridWatts, double BatteryWatts, double? SocPercent);

/// <summary>The battery power the loop asks for (positive = discharge), and the rule or constraint that decided it.</summary>
public sealed record LoopDecision(DateTimeOffset At, double BatteryWatts, string Reason)
{
    /// <summary>No command at all: the battery follows its own (native) mode and any earlier command is released.</summary>
    public bool HandsOff { get; init; }
}
