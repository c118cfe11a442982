namespace EnergyTap.SunSpec.Sequencing;

/// <summary>Progress of a run, raised synchronously in order (for a CLI's per-step output).</summary>
public abstract record SequenceEvent;

public sealed record StepStarting(SequenceStep Step, int Total) : SequenceEvent;

public sealed record StepFinished(StepResult Result, int Total) : SequenceEvent;

/// <summary>A wait_for polled and the condition did not hold yet.</summary>
public sealed record WaitPolled(SequenceStep Step, object? Value, TimeSpan Elapsed) : SequenceEvent;

/// <summary>The run aborted midway and control is being released (704 WSetEna=0, WSetPct=0, WSet=0).</summary>
public sealed record ReleasingControl(string Reason) : SequenceEvent;

public sealed record ControlReleased(StepResult Result) : SequenceEvent;
