using EnergyTap.Modbus;
using EnergyTap.SunSpec.Codecs;
using EnergyTap.SunSpec.Planning;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.SunSpec.Writing;

/// <summary>One verified write: check and encode everything, write runs in order, read back, compare.</summary>
internal sealed class VerifiedWriter(SunSpecDevice device, IReadOnlyList<PointWrite> requests)
{
    public async Task<WriteReport> RunAsync(TimeSpan readBackDelay, CancellationToken cancellationToken)
    {
        var points = requests.Select(r => device.Map.Resolve(r.Point)).ToList();
        foreach (var point in points.Where(p => !p.Definition.Writable))
        {
            throw new SunSpecValueException($"{point.FullName} is read-only (access R)");
        }

        var scaleFactors = points.Select(p => p.ScaleFactorPoint).OfType<PointLocation>().Distinct().Where(device.NeedsRead).ToList();
        var reads = await device.ReadRangesAsync(ReadPlanner.Plan(scaleFactors.Select(p => new RegisterRange(p.Address, p.Size))), cancellationToken);

        var encoded = new ushort[points.Count][];
        for (var i = 0; i < points.Count; i++)
        {
            var sf = points[i].ScaleFactorPoint is { } sfPoint ? device.CurrentInteger(sfPoint) : null;
            encoded[i] = ValueConverter.ToRegisters(points[i], requests[i].Value, sf);
        }

        var outcomes = new WriteOutcome?[points.Count];
        var errors = new string?[points.Count];
        var runs = WritePlanner.Plan([.. points.Select(p => new RegisterRange(p.Address, p.Size))]);
        var writesSent = 0;
        string? failure = null;
        foreach (var (range, items) in runs)
        {
            if (failure is not null)
            {
                foreach (var i in items)
                {
                    outcomes[i] = WriteOutcome.NotAttempted;
                }

                continue;
            }

            try
            {
                writesSent++;
                await device.WriteRunAsync(range, [.. items.SelectMany(i => encoded[i])], cancellationToken);
            }
            catch (ModbusException ex)
            {
                failure = ex.Message;
                foreach (var i in items)
                {
                    outcomes[i] = WriteOutcome.Rejected;
                    errors[i] = ex.Message;
                }
            }
        }

        var written = Enumerable.Range(0, points.Count).Where(i => outcomes[i] is null).ToList();
        if (written.Count > 0 && readBackDelay > TimeSpan.Zero)
        {
            await Task.Delay(readBackDelay, device.TimeProvider, cancellationToken);
        }

        try
        {
            reads += await device.ReadRangesAsync(ReadPlanner.Plan(written.Select(i => new RegisterRange(points[i].Address, points[i].Size))), cancellationToken)
                ;
        }
        catch (ModbusException ex)
        {
            // The writes went out; say so instead of losing that behind an exception.
            foreach (var i in written)
            {
                outcomes[i] = WriteOutcome.Unverified;
                errors[i] = $"read-back failed: {ex.Message}";
            }
        }

        var snapshot = device.Latest;
        var results = new List<PointWriteResult>();
        for (var i = 0; i < points.Count; i++)
        {
            var readBack = outcomes[i] is null ? snapshot.Read(points[i]) : null;
            if (outcomes[i] is null && LaterWriteOverlaps(points, outcomes, i))
            {
                outcomes[i] = WriteOutcome.Overwritten;
            }
            else if (outcomes[i] is null)
            {
                snapshot.Registers.TryGet(points[i].Address, points[i].Size, out var actual);
                outcomes[i] = actual.SequenceEqual(encoded[i]) ? WriteOutcome.Verified : WriteOutcome.Discarded;
            }

            results.Add(new PointWriteResult(points[i], requests[i].Value, encoded[i], outcomes[i]!.Value) { ReadBack = readBack, Error = errors[i] });
        }

        return new WriteReport(results) { WriteRequests = writesSent, ReadRequests = reads };
    }

    private static bool LaterWriteOverlaps(List<PointLocation> points, WriteOutcome?[] outcomes, int index)
    {
        for (var j = index + 1; j < points.Count; j++)
        {
            if (outcomes[j] is null && points[j].Address < points[index].Address + points[index].Size && points[index].Address < points[j].Address + points[j].Size)
            {
                return true;
            }
        }

        return false;
    }
}
