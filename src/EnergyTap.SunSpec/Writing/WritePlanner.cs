using EnergyTap.SunSpec.Planning;

namespace EnergyTap.SunSpec.Writing;

/// <summary>
/// Groups encoded points into FC 16 runs while keeping the caller's order: a point joins the current run only when
/// it starts exactly where the run ends and the run stays within 123 registers. Writing 704.WSetEna after
/// 704.WSetPct therefore stays two requests in that order, because one register may activate the others.
/// </summary>
public static class WritePlanner
{
    /// <summary>FC 16 writes at most 123 registers.</summary>
    public const int MaxRegistersPerWrite = 123;

    /// <returns>Runs in order; each lists the indexes of the items it carries.</returns>
    public static IReadOnlyList<(RegisterRange Range, IReadOnlyList<int> Items)> Plan(IReadOnlyList<RegisterRange> items)
    {
        var runs = new List<(RegisterRange, IReadOnlyList<int>)>();
        var current = new List<int>();
        RegisterRange run = default;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (current.Count > 0 && item.Start == run.End && run.Count + item.Count <= MaxRegistersPerWrite)
            {
                run = run with { Count = run.Count + item.Count };
                current.Add(i);
                continue;
            }

            if (current.Count > 0)
            {
                runs.Add((run, current));
            }

            run = item;
            current = [i];
        }

        if (current.Count > 0)
        {
            runs.Add((run, current));
        }

        return runs;
    }
}
