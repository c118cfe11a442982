using System.Globalization;
using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Replay;

/// <summary>
/// Reads a trace CSV: header <c>time,load_w,pv_w</c>, UTC ISO 8601 times at one fixed step of 1–60 whole seconds.
/// Malformed input throws a <see cref="ManagerInputException"/> whose message is one line naming the line number.
/// </summary>
public static class TraceCsv
{
    public const string Header = "time,load_w,pv_w";

    public static Trace Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        if (header is null || !string.Equals(header.Trim().TrimStart('\uFEFF'), Header, StringComparison.OrdinalIgnoreCase))
        {
            throw new ManagerInputException($"line 1: the header must be \"{Header}\"");
        }

        var samples = new List<TraceSample>();
        TimeSpan? step = null;
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var sample = ParseLine(line, number);
            if (samples.Count > 0)
            {
                var gap = sample.Time - samples[^1].Time;
                if (step is null)
                {
                    if (gap < TimeSpan.FromSeconds(1) || gap > TimeSpan.FromSeconds(60) || gap.Ticks % TimeSpan.TicksPerSecond != 0)
                    {
                        throw new ManagerInputException($"line {number}: the step must be a whole number of seconds from 1 to 60, not {gap.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
                    }

                    step = gap;
                }
                else if (gap != step)
                {
                    throw new ManagerInputException($"line {number}: {sample.Time:yyyy-MM-ddTHH:mm:ssZ} is not one step ({step.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s) after the line before");
                }
            }

            samples.Add(sample);
        }

        if (samples.Count < 2)
        {
            throw new ManagerInputException($"line {number}: a trace needs at least two samples to have a step");
        }

        return new Trace(samples, step!.Value);
    }

    private static TraceSample ParseLine(string line, int number)
    {
        var fields = line.Split(',');
        if (fields.Length != 3)
        {
            throw new ManagerInputException($"line {number}: expected 3 fields (time,load_w,pv_w), found {fields.Length}");
        }

        var text = fields[0].Trim();
        if (!IsoTime.TryParse(text, out var time))
        {
            throw new ManagerInputException($"line {number}: \"{text}\" is not a UTC ISO 8601 time (e.g. 2026-06-01T00:00:00Z)");
        }

        return new TraceSample(time.ToUniversalTime(), Watts(fields[1], "load_w", number), Watts(fields[2], "pv_w", number));
    }

    private static double Watts(string field, string name, int number)
    {
        var text = field.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var watts) || !double.IsFinite(watts))
        {
            throw new ManagerInputException($"line {number}: {name} \"{text}\" is not a number");
        }

        return watts >= 0 ? watts : throw new ManagerInputException($"line {number}: {name} must not be negative ({text})");
    }
}
