using Microsoft.Extensions.Logging;

namespace EnergyTap.SunSpec.Sequencing;

public sealed record SequenceRunOptions
{
    /// <summary>Clock for sleeps, verify polling and wait_for timeouts (tests pass a manual clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// After an abort midway in a sequence that wrote model 704, write WSetEna=0, WSetPct=0, WSet=0 (verified), so
    /// the battery does not stay under a command nobody supervises (the aGate keeps it indefinitely).
    /// </summary>
    public bool ReleaseOnAbort { get; init; } = true;

    /// <summary>How often a write that did not read back yet is re-read, within the step's verify_timeout_ms.</summary>
    public TimeSpan VerifyPoll { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Called in order for every progress event.</summary>
    public Action<SequenceEvent>? OnEvent { get; init; }

    public ILogger? Logger { get; init; }
}
