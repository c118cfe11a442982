namespace EnergyTap.SunSpec.Sequencing;

public enum StepStatus
{
    Succeeded,
    Failed,
}

public enum StepWriteOutcome
{
    /// <summary>Written and read back with the value written.</summary>
    Verified,

    /// <summary>Written with verify=false; the read-back was logged but not required to match.</summary>
    Unverified,

    /// <summary>Acknowledged, but the read-back still differed when verify_timeout_ms ran out: silently discarded.</summary>
    Discarded,

    /// <summary>The device answered with an exception, or did not answer.</summary>
    Rejected,

    /// <summary>Not sent because an earlier write of the step was rejected.</summary>
    NotAttempted,
}

/// <summary>One written point: the registers sent to <see cref="Address"/> (PDU) and what came back.</summary>
public sealed record StepWriteResult(string Point, object Requested, int Address, IReadOnlyList<ushort> Registers, StepWriteOutcome Outcome)
{
    /// <summary>The value read back (human units), null when not implemented or not read.</summary>
    public object? ReadBack { get; init; }

    public string? Error { get; init; }
}

public sealed record StepReadResult(string Point, object? Value, string Display, string? Units);

/// <summary>How a wait_for ended: <see cref="Met"/> or timed out, with the last value seen.</summary>
public sealed record WaitResult(WaitCondition Condition, bool Met, object? LastValue, TimeSpan Elapsed, int Polls)
{
    public string? Error { get; init; }
}

/// <summary>What one step did. <see cref="Error"/> says in one line why it failed.</summary>
public sealed record StepResult(SequenceStep Step, StepStatus Status)
{
    public IReadOnlyList<StepWriteResult> Writes { get; init; } = [];

    public IReadOnlyList<StepReadResult> Reads { get; init; } = [];

    public WaitResult? Wait { get; init; }

    public string? Error { get; init; }

    public TimeSpan Elapsed { get; init; }

    public bool Succeeded => Status == StepStatus.Succeeded;
}

/// <summary>
/// The whole run. <see cref="Aborted"/> when a failing step had abort_on_failure (or the run was cancelled);
/// <see cref="Release"/> is the control release made after an abort (null when none was needed or allowed).
/// </summary>
public sealed record SequenceResult(Sequence Sequence, IReadOnlyList<StepResult> Steps, bool Aborted, StepResult? Release)
{
    public bool Succeeded => !Aborted && Steps.All(s => s.Succeeded) && Steps.Count == Sequence.Steps.Count;

    public StepResult? Step(string name) => Steps.FirstOrDefault(s => s.Step.Name == name);
}
