using EnergyTap.SunSpec.Planning;
using EnergyTap.SunSpec.Points;
using EnergyTap.SunSpec.Writing;

namespace EnergyTap.SunSpec.Sequencing;

/// <summary>One FC 16 request a step would send: the PDU address, the registers, and the points they carry.</summary>
public sealed record PlannedWrite(int Address, IReadOnlyList<ushort> Registers, IReadOnlyList<string> Points);

public sealed record PlannedStep(SequenceStep Step, IReadOnlyList<PlannedWrite> Writes);

/// <summary>The raw writes a sequence makes (for --dry-run), grouped into FC 16 runs exactly as the runner sends them.</summary>
public static class SequencePlanner
{
    /// <exception cref="SequenceValidationException">The sequence does not fit the map.</exception>
    public static IReadOnlyList<PlannedStep> Plan(Sequence sequence, SunSpecDevice device) =>
        Plan(sequence, device.Map, device.CurrentInteger);

    public static IReadOnlyList<PlannedStep> Plan(Sequence sequence, SunSpecMap map, Func<PointLocation, long?> scaleFactorOf)
    {
        SequenceValidator.EnsureValid(sequence, map, scaleFactorOf);
        return [.. sequence.Steps.Select(step => new PlannedStep(step, PlanStep(step, map, scaleFactorOf)))];
    }

    private static List<PlannedWrite> PlanStep(SequenceStep step, SunSpecMap map, Func<PointLocation, long?> scaleFactorOf)
    {
        var points = step.Writes.Select(w => map.Resolve(w.Point)).ToList();
        var encoded = step.Writes.Select((w, i) => SequenceValidator.Encode(points[i], w.Value, points[i].ScaleFactorPoint is { } sf ? scaleFactorOf(sf) : null)).ToList();
        return [.. WritePlanner.Plan([.. points.Select(p => new RegisterRange(p.Address, p.Size))])
            .Select(run => new PlannedWrite(run.Range.Start, [.. run.Items.SelectMany(i => encoded[i])], [.. run.Items.Select(i => points[i].FullName)]))];
    }
}
