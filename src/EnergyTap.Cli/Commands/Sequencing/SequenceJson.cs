using System.Globalization;
using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.Cli.Commands.Sequencing;

/// <summary>The --json shapes of sequence results, shared by `sequence run` and `conformance`.</summary>
internal static class SequenceJson
{
    public static object Result(SequenceResult result) => new
    {
        file = result.Sequence.Source,
        name = result.Sequence.Name,
        succeeded = result.Succeeded,
        aborted = result.Aborted,
        steps = result.Steps.Select(Step),
        release = result.Release is null ? null : Step(result.Release),
    };

    public static object Step(StepResult step) => new
    {
        name = step.Step.Name,
        status = step.Status,
        error = step.Error,
        elapsedMs = (long)step.Elapsed.TotalMilliseconds,
        writes = step.Writes.Select(w => new { point = w.Point, requested = w.Requested, address = w.Address, registers = w.Registers, outcome = w.Outcome, readBack = w.ReadBack, error = w.Error }),
        reads = step.Reads.Select(r => new { point = r.Point, value = r.Value, display = r.Display, units = r.Units }),
        wait = step.Wait is not { } wait ? null : new
        {
            point = wait.Condition.Point,
            @operator = wait.Condition.Operator.Symbol(),
            value = wait.Condition.Value,
            met = wait.Met,
            lastValue = wait.LastValue,
            elapsedMs = (long)wait.Elapsed.TotalMilliseconds,
            polls = wait.Polls,
            error = wait.Error,
        },
    };

    public static string Describe(StepWriteOutcome outcome) => outcome switch
    {
        StepWriteOutcome.Verified => "verified",
        StepWriteOutcome.Unverified => "written (not verified)",
        StepWriteOutcome.Discarded => "silently discarded",
        StepWriteOutcome.Rejected => "rejected",
        _ => "not attempted",
    };

    public static string Show(object? value) => value switch
    {
        null => "-",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "-",
    };
}
