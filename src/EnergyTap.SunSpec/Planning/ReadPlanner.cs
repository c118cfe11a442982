namespace EnergyTap.SunSpec.Planning;

/// <summary>
/// Covers a set of points with the fewest reads: sorted by address, each read starts at the first point not yet
/// covered and takes every following point that still ends within <see cref="MaxRegistersPerRead"/> registers
/// (gaps between points are read along). A point is never split across two reads. This greedy cover is optimal
/// for intervals on a line.
/// </summary>
public static class ReadPlanner
{
    /// <summary>FC 3 reads at most 125 registers.</summary>
    public const int MaxRegistersPerRead = 125;

    public static IReadOnlyList<RegisterRange> Plan(IEnumerable<RegisterRange> items, int maxRegistersPerRead = MaxRegistersPerRead)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRegistersPerRead, 1);
        var sorted = items.Where(r => r.Count > 0).SelectMany(r => Chunk(r, maxRegistersPerRead)).OrderBy(r => r.Start).ThenBy(r => r.End);
        var reads = new List<RegisterRange>();
        int start = -1, end = -1;
        foreach (var item in sorted)
        {
            if (start >= 0 && Math.Max(end, item.End) - start <= maxRegistersPerRead)
            {
                end = Math.Max(end, item.End);
                continue;
            }

            if (start >= 0)
            {
                reads.Add(new RegisterRange(start, end - start));
            }

            (start, end) = (item.Start, item.End);
        }

        if (start >= 0)
        {
            reads.Add(new RegisterRange(start, end - start));
        }

        return reads;
    }

    /// <summary>Fewest reads that could cover [start, end) if points could be split: the bound the plan is measured against.</summary>
    public static int MinimumReads(int registers, int maxRegistersPerRead = MaxRegistersPerRead) =>
        (registers + maxRegistersPerRead - 1) / maxRegistersPerRead;

    /// <summary>Only raw blocks (an unknown model's data) can exceed one read; points never do.</summary>
    private static IEnumerable<RegisterRange> Chunk(RegisterRange range, int max)
    {
        for (var at = range.Start; at < range.End; at += max)
        {
            yield return new RegisterRange(at, Math.Min(max, range.End - at));
        }
    }
}
