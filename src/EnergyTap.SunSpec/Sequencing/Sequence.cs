namespace EnergyTap.SunSpec.Sequencing;

/// <summary>
/// A parsed sequence file: steps run in order. <see cref="Source"/> names the file in messages.
/// Parsing checks the shape only; <see cref="SequenceValidator"/> checks the points against a device map.
/// </summary>
public sealed record Sequence(string Source, string? Name, string? Description, IReadOnlyList<SequenceStep> Steps)
{
    /// <summary>True when any step writes a model 704 point: then an abort releases control.</summary>
    public bool TouchesModel704 => Steps.Any(s => s.Writes.Any(w => w.Point.StartsWith("704.", StringComparison.Ordinal)));
}

/// <summary>
/// One step. It runs in this order: writes (verified by read-back unless <see cref="Verify"/> is false, polling up to
/// <see cref="VerifyTimeout"/>), <see cref="WaitFor"/>, <see cref="Reads"/> (logged), then <see cref="Sleep"/>.
/// </summary>
public sealed record SequenceStep(int Index, string Name, SourceLocation Location)
{
    public IReadOnlyList<StepWrite> Writes { get; init; } = [];

    public IReadOnlyList<StepRead> Reads { get; init; } = [];

    public bool Verify { get; init; } = true;

    public TimeSpan VerifyTimeout { get; init; } = SequenceDefaults.VerifyTimeout;

    public bool AbortOnFailure { get; init; } = true;

    public TimeSpan Sleep { get; init; }

    public WaitCondition? WaitFor { get; init; }

    public override string ToString() => $"step {Index + 1} \"{Name}\"";
}

/// <summary>A value to write in human units (a decimal number, scaled by the point's scale factor, or an enum symbol name).</summary>
public sealed record StepWrite(string Point, object Value, SourceLocation Location);

public sealed record StepRead(string Point, SourceLocation Location);

/// <summary>Poll <see cref="Point"/> every <see cref="Poll"/> until "value <see cref="Operator"/> <see cref="Value"/>" holds or <see cref="Timeout"/> passes.</summary>
public sealed record WaitCondition(string Point, CompareOperator Operator, object Value, TimeSpan Timeout, TimeSpan Poll, SourceLocation Location)
{
    public override string ToString() => $"{Point} {Operator.Symbol()} {Json.SourceReader.Show(Value)}";
}

/// <summary>The defaults seed 002 gives for keys a step leaves out.</summary>
public static class SequenceDefaults
{
    public static TimeSpan VerifyTimeout { get; } = TimeSpan.FromMilliseconds(2000);

    public static TimeSpan WaitTimeout { get; } = TimeSpan.FromMilliseconds(30000);

    public static TimeSpan WaitPoll { get; } = TimeSpan.FromMilliseconds(1000);
}
