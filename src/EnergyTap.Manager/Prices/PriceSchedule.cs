namespace EnergyTap.Manager.Prices;

/// <summary>
/// Looks prices up over any interval or at an instant. A time no slot covers is an unknown price: <see cref="MeanOver"/>
/// returns null unless slots cover the whole interval, so a gap is never silently read as free or as dear.
/// </summary>
public sealed class PriceSchedule
{
    private readonly PriceSlot[] _slots;

    public PriceSchedule(IEnumerable<PriceSlot> slots)
    {
        _slots = [.. slots.OrderBy(s => s.Start)];
    }

    public bool IsEmpty => _slots.Length == 0;

    /// <summary>The time-weighted mean price over [from, to), or null when any part of it has no price.</summary>
    public double? MeanOver(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return null;
        var index = FirstEndingAfter(from);
        var covered = from;
        var weighted = 0.0;
        for (; index < _slots.Length && covered < to; index++)
        {
            var slot = _slots[index];
            if (slot.Start > covered)
                return null; // a gap inside the interval
            var end = slot.End < to ? slot.End : to;
            if (end <= covered)
                continue;
            weighted += slot.Value * (end - covered).TotalSeconds;
            covered = end;
        }
        return covered < to ? null : weighted / (to - from).TotalSeconds;
    }

    /// <summary>The price in force at <paramref name="time"/>, or null in a gap.</summary>
    public double? At(DateTimeOffset time) => PriceAt(FirstEndingAfter(time), time);

    /// <summary>
    /// A reader for lookups whose times never go backwards (a replay asks at every tick): it walks forward from the
    /// last hit instead of searching each time.
    /// </summary>
    public Cursor InTimeOrder() => new(this);

    /// <summary>The first moment of [from, to) no slot covers, or null when slots cover it all.</summary>
    public DateTimeOffset? FirstGap(DateTimeOffset from, DateTimeOffset to)
    {
        var covered = from;
        for (var index = FirstEndingAfter(from); index < _slots.Length && covered < to; index++)
        {
            var slot = _slots[index];
            if (slot.Start > covered)
                return covered;
            if (slot.End > covered)
                covered = slot.End;
        }
        return covered < to ? covered : null;
    }

    /// <summary>The price of the last slot that starts before <paramref name="time"/>, or null when none does.</summary>
    public double? LastKnownBefore(DateTimeOffset time)
    {
        for (var i = _slots.Length - 1; i >= 0; i--)
            if (_slots[i].Start < time)
                return _slots[i].Value;
        return null;
    }

    /// <summary>The price of the first slot that ends after <paramref name="time"/>, or null when none does.</summary>
    public double? FirstKnownAfter(DateTimeOffset time)
    {
        var index = FirstEndingAfter(time);
        return index < _slots.Length ? _slots[index].Value : null;
    }

    private double? PriceAt(int index, DateTimeOffset time) =>
        index < _slots.Length && _slots[index].Start <= time ? _slots[index].Value : null;

    private int FirstEndingAfter(DateTimeOffset time)
    {
        int low = 0, high = _slots.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_slots[middle].End <= time)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    /// <summary>See <see cref="InTimeOrder"/>; one per reader, times must not go backwards.</summary>
    public sealed class Cursor
    {
        private readonly PriceSchedule _schedule;
        private int _index;

        internal Cursor(PriceSchedule schedule) => _schedule = schedule;

        /// <summary>The price in force at <paramref name="time"/>, or null in a gap.</summary>
        public double? At(DateTimeOffset time)
        {
            var slots = _schedule._slots;
            while (_index < slots.Length && slots[_index].End <= time)
                _index++;
            return _schedule.PriceAt(_index, time);
        }
    }
}
