using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.SunSpec.Conformance;

public sealed record ConformanceOptions
{
    /// <summary>WSetRvrtTms the reversion diagnostic sets (the file uses 10 s).</summary>
    public TimeSpan ReversionTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long past the timer's expiry to wait for the device to revert before calling it ineffective.</summary>
    public TimeSpan ReversionGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Clock, events and logging for the sequence runs.</summary>
    public SequenceRunOptions Run { get; init; } = new();
}
