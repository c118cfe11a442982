namespace EnergyTap.SunSpec.Sequencing;

/// <summary>
/// A sequence is not valid; <see cref="Problems"/> lists every problem found (not just the first), each with its
/// JSON path and line. Nothing was written to the device.
/// </summary>
public sealed class SequenceValidationException(string source, IReadOnlyList<SequenceProblem> problems)
    : SunSpecException(Summary(source, problems))
{
    public string SequenceSource { get; } = source;

    public IReadOnlyList<SequenceProblem> Problems { get; } = problems;

    private static string Summary(string source, IReadOnlyList<SequenceProblem> problems) =>
        problems.Count == 1
            ? $"{source}: {problems[0]}"
            : $"{source}: {problems.Count} problems, nothing was written: " + string.Join("; ", problems);
}
