using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Replay;

/// <summary>Price lookups in time order during a replay (a cursor, not a search per tick).</summary>
internal sealed class PriceTable(IReadOnlyList<PriceSlot> slots)
{
    private int cursor;

    /// <summary>The price at <paramref name="time"/>, or null in a gap; calls must come in time order.</summary>
    public double? At(DateTimeOffset time)
    {
        while (cursor < slots.Count && slots[cursor].End <= time)
        {
            cursor++;
        }

        return cursor < slots.Count && slots[cursor].Start <= time ? slots[cursor].Value : null;
    }

    /// <summary>The first moment of [from, to) no slot covers, or null when they cover it all.</summary>
    public static DateTimeOffset? FirstGap(IReadOnlyList<PriceSlot> sorted, DateTimeOffset from, DateTimeOffset to)
    {
        var covered = from;
        foreach (var slot in sorted)
        {
            if (slot.End <= covered)
            {
                continue;
            }

            if (slot.Start > covered)
            {
                return covered;
            }

            covered = slot.End;
            if (covered >= to)
            {
                return null;
            }
        }

        return covered < to ? covered : null;
    }
}
