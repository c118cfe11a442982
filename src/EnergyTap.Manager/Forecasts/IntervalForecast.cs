namespace EnergyTap.Manager.Forecasts;

/// <summary>
/// A forecast given as mean power per interval (Solcast's periods). A slot takes the time-weighted mean
/// of the intervals that cover it; time outside every interval counts as 0 W, the cautious reading for PV
/// (a plan never counts on solar it was not promised).
/// </summary>
public sealed class IntervalForecast : IPowerForecast
{
    private readonly PowerInterval[] _intervals;

    public IntervalForecast(IEnumerable<PowerInterval> intervals)
    {
        _intervals = [.. intervals.OrderBy(i => i.Start)];
    }

    public IReadOnlyList<PowerInterval> Intervals => _intervals;

    public double[] SlotMeans(DateTimeOffset start, TimeSpan slotLength, int count)
    {
        var means = new double[count];
        for (var slot = 0; slot < count; slot++)
        {
            var from = start + slotLength * slot;
            var to = from + slotLength;
            var energy = 0.0;
            foreach (var interval in _intervals)
            {
                if (interval.End <= from || interval.Start >= to)
                    continue;
                var overlap = (interval.End < to ? interval.End : to) - (interval.Start > from ? interval.Start : from);
                energy += interval.Watts * overlap.TotalSeconds;
            }
            means[slot] = energy / slotLength.TotalSeconds;
        }
        return means;
    }
}
