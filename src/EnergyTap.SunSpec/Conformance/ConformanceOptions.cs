using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.SunSpec.Conformance;

public sealed record ConformanceOptions
{
    /// <summary>WSetRvrtTms the reversion diagnostic sets (the file uses 10 s).</summary>
    public TimeSpan ReversionTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long past the timer's expiry to wait for the device to revert before calling it ineffective.</summary>
    public TimeSpan ReversionGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Replaces every step's verify_timeout_ms when set (slow Wi-Fi devices need more, simulators less).</summary>
    public TimeSpan? VerifyTimeout { get; init; }

    /// <summary>Replaces every step's settling sleep_ms when set.</summary>
    public TimeSpan? Settle { get; init; }

    /// <summary>Clock, events and logging for the sequence runs.</summary>
    public SequenceRunOptions Run { get; init; } = new();
}
