namespace EnergyTap.Manager.Forecasts;

/// <summary>
/// A forecast given as power at instants (Forecast.Solar's <c>result.watts</c>): the power between two points
/// is the straight line between them, 0 W before the first and after the last. A slot takes the exact
/// mean of that curve.
/// </summary>
public sealed class PointForecast : IPowerForecast
{
    private readonly (DateTimeOffset At, double Watts)[] _points;

    public PointForecast(IEnumerable<(DateTimeOffset At, double Watts)> points)
    {
        _points = [.. points.OrderBy(p => p.At)];
    }

    public double[] SlotMeans(DateTimeOffset start, TimeSpan slotLength, int count)
    {
        var means = new double[count];
        for (var slot = 0; slot < count; slot++)
        {
            var from = start + slotLength * slot;
            means[slot] = Integral(from, from + slotLength) / slotLength.TotalSeconds;
        }
        return means;
    }

    // Watt-seconds under the piecewise-linear curve over [from, to).
    private double Integral(DateTimeOffset from, DateTimeOffset to)
    {
        var total = 0.0;
        for (var i = 0; i + 1 < _points.Length; i++)
        {
            var (a, b) = (_points[i], _points[i + 1]);
            var lo = a.At > from ? a.At : from;
            var hi = b.At < to ? b.At : to;
            if (hi <= lo)
                continue;
            var span = (b.At - a.At).TotalSeconds;
            double At(DateTimeOffset t) => a.Watts + (b.Watts - a.Watts) * (t - a.At).TotalSeconds / span;
            total += (At(lo) + At(hi)) / 2 * (hi - lo).TotalSeconds;
        }
        return total;
    }
}
