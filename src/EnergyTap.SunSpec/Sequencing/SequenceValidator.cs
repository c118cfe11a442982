using EnergyTap.SunSpec.Catalog;
using EnergyTap.SunSpec.Codecs;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.SunSpec.Sequencing;

/// <summary>
/// Checks a parsed sequence against a device map before anything is written: every point exists, every written
/// point is writable, every value fits the point's type once scaled, enum symbols exist, wait values make sense.
/// </summary>
public static class SequenceValidator
{
    /// <param name="scaleFactorOf">The current value of a scale-factor point, or null when unknown (checking without a
    /// device): then values scaled by a point are checked for sign and percent range only.</param>
    public static IReadOnlyList<SequenceProblem> Validate(Sequence sequence, SunSpecMap map, Func<PointLocation, long?>? scaleFactorOf = null)
    {
        var problems = new List<SequenceProblem>();
        foreach (var step in sequence.Steps)
        {
            foreach (var write in step.Writes)
            {
                if (Resolve(map, write.Point, write.Location, problems) is { } point)
                {
                    CheckWrite(point, write, scaleFactorOf, problems);
                }
            }

            foreach (var read in step.Reads)
            {
                Resolve(map, read.Point, read.Location, problems);
            }

            if (step.WaitFor is { } wait && Resolve(map, wait.Point, wait.Location, problems) is { } waited)
            {
                CheckWaitValue(waited, wait, problems);
            }
        }

        return problems;
    }

    /// <exception cref="SequenceValidationException">With every problem, when there is any.</exception>
    public static void EnsureValid(Sequence sequence, SunSpecMap map, Func<PointLocation, long?>? scaleFactorOf = null)
    {
        var problems = Validate(sequence, map, scaleFactorOf);
        if (problems.Count > 0)
        {
            throw new SequenceValidationException(sequence.Source, problems);
        }
    }

    /// <summary>
    /// Loads a sequence file's text and checks it against the map <paramref name="mapFor"/> gives for it: every shape
    /// and point problem at once, in line order.
    /// </summary>
    /// <exception cref="SequenceValidationException">With every problem, when there is any.</exception>
    public static Sequence LoadValid(string json, string source, Func<Sequence, SunSpecMap> mapFor, Func<PointLocation, long?>? scaleFactorOf = null)
    {
        var (sequence, shape) = SequenceLoader.ParseAll(json, source);
        var problems = shape.Concat(Validate(sequence, mapFor(sequence), scaleFactorOf)).OrderBy(p => p.Location.Line).ToList();
        return problems.Count > 0 ? throw new SequenceValidationException(source, problems) : sequence;
    }

    /// <summary>The scale factors a device last read, for <see cref="Validate"/> and <see cref="LoadValid"/>.</summary>
    public static Func<PointLocation, long?> ScaleFactorsOf(SunSpecDevice device) => device.CurrentInteger;

    /// <summary>The registers a write puts on the wire (null sf = the factor is not known).</summary>
    internal static ushort[] Encode(PointLocation point, object value, long? scaleFactor) => ValueConverter.ToRegisters(point, value, scaleFactor);

    private static PointLocation? Resolve(SunSpecMap map, string name, SourceLocation location, List<SequenceProblem> problems)
    {
        try
        {
            return map.Resolve(name);
        }
        catch (SunSpecPointException ex)
        {
            problems.Add(new(location, $"unknown point: {ex.Message}") { UncataloguedModelId = ex.UncataloguedModelId });
            return null;
        }
    }

    private static void CheckWrite(PointLocation point, StepWrite write, Func<PointLocation, long?>? scaleFactorOf, List<SequenceProblem> problems)
    {
        if (!point.Definition.Writable)
        {
            problems.Add(new(write.Location, $"{point.FullName} is read-only (access R)"));
            return;
        }

        if (IsPercent(point) && ToNumber(write.Value) is decimal pct && Math.Abs(pct) > 100)
        {
            // The aGate takes 1500 % without complaint (seed 001); the client has to refuse it.
            problems.Add(new(write.Location, $"{point.FullName}: {SourceRead(write.Value)} % is out of range (-100..100)"));
            return;
        }

        long? sf = point.ScaleFactorPoint is { } sfPoint ? scaleFactorOf?.Invoke(sfPoint) : null;
        if (point.ScaleFactorPoint is not null && point.Definition.ScaleFactor?.Fixed is null && sf is null)
        {
            if (ToNumber(write.Value) is decimal n && n < 0 && PointEncoder.Range(point.Type).Min >= 0)
            {
                problems.Add(new(write.Location, $"{point.FullName}: {SourceRead(write.Value)} is out of range ({point.Type.SchemaName()} cannot be negative)"));
            }

            return;
        }

        try
        {
            Encode(point, write.Value, sf);
        }
        catch (SunSpecValueException ex)
        {
            problems.Add(new(write.Location, $"out of range or wrong type: {ex.Message}"));
        }
    }

    private static void CheckWaitValue(PointLocation point, WaitCondition wait, List<SequenceProblem> problems)
    {
        if (WaitTarget(point, wait.Value) is null)
        {
            problems.Add(new(wait.Location, $"{point.FullName}: {SourceRead(wait.Value)} is not a number nor one of its symbols"
                + (point.Definition.Symbols.Count > 0 ? $" ({string.Join(", ", point.Definition.Symbols.Select(s => s.Name))})" : "")));
        }
        else if (wait.Operator is not (CompareOperator.Equal or CompareOperator.NotEqual) && wait.Value is string && point.Definition.Type.IsBitfield())
        {
            problems.Add(new(wait.Location, $"{point.FullName} is a bitfield; compare it with == or != only"));
        }
    }

    /// <summary>The number a wait compares with: the value itself, or an enum symbol's value.</summary>
    internal static double? WaitTarget(PointLocation point, object value) => value switch
    {
        decimal d => (double)d,
        double d => d,
        string s when point.Definition.Symbols.FirstOrDefault(x => string.Equals(x.Name, s, StringComparison.OrdinalIgnoreCase)) is { } symbol => symbol.Value,
        string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static bool IsPercent(PointLocation point) => string.Equals(point.Definition.Units, "Pct", StringComparison.OrdinalIgnoreCase);

    private static decimal? ToNumber(object value) => value switch
    {
        decimal d => d,
        double d when Math.Abs(d) < 1e20 => (decimal)d,
        _ => null,
    };

    private static string SourceRead(object value) => Json.SourceReader.Show(value);
}
