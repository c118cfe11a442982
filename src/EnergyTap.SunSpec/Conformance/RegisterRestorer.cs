using EnergyTap.SunSpec.Sequencing;
using EnergyTap.SunSpec.Writing;

namespace EnergyTap.SunSpec.Conformance;

/// <summary>
/// Remembers the points the diagnostics will write and puts them back afterwards, so a conformance run leaves the
/// device as it found it (the reversion probe would otherwise leave 704.WSetRvrtTms at 10 s). Control points go
/// last so settings are back before control is.
/// </summary>
internal sealed class RegisterRestorer(SunSpecDevice device)
{
    private static readonly string[] ControlLast = ["704.WSet", "704.WSetPct", "704.WSetEna"];

    private readonly List<(string Point, object Value)> originals = [];

    /// <summary>Reads the current value of every point the sequences write (unimplemented points are skipped).</summary>
    public async Task CaptureAsync(IEnumerable<Sequence> sequences, CancellationToken cancellationToken)
    {
        var points = sequences.SelectMany(s => s.Steps).SelectMany(s => s.Writes).Select(w => w.Point)
            .Concat(SequenceRunner.ReleaseWrites.Select(w => w.Point))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => Array.IndexOf(ControlLast, p))
            .ToList();
        foreach (var point in points)
        {
            // One point per read: a point the map lacks must not hide the others.
            try
            {
                var reading = (await device.ReadAsync([point], cancellationToken))[0];
                if (reading.Value is { } value)
                {
                    originals.Add((point, value));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not readable on this device: nothing to restore.
            }
        }
    }

    /// <summary>Writes every captured value back and reads it back; returns the points that did not verify.</summary>
    public async Task<IReadOnlyList<string>> RestoreAsync()
    {
        var failed = new List<string>();
        foreach (var (point, value) in originals)
        {
            try
            {
                // Deliberately not cancellable: a cancelled run must still put the device back.
                var report = await device.WriteAsync([new PointWrite(point, value)], CancellationToken.None);
                var result = report.Results[0];
                if (result.Outcome is not (WriteOutcome.Verified or WriteOutcome.Overwritten) && !SameValue(result.ReadBack?.Value, value))
                {
                    failed.Add(point);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failed.Add(point);
            }
        }

        return failed;
    }

    private static bool SameValue(object? a, object b) => a is not null && Equals(Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture));
}
