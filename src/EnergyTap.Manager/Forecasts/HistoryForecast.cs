namespace EnergyTap.Manager.Forecasts;

/// <summary>
/// A forecast from EnergyTap's own measurements, for PV or home load: each slot is the mean of the same
/// time of day over the most recent days that have data (only samples before "now" are ever used), the
/// rest of today optionally scaled by today's measured/forecast ratio so far.
/// Samples are added in time order; means come from prefix sums so planning every 15 min stays cheap.
/// </summary>
public sealed class HistoryForecast
{
    private readonly HistoryForecastOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly List<long> _ticks = [];
    private readonly List<double> _prefix = [0];

    public HistoryForecast(HistoryForecastOptions? options = null)
    {
        _options = options ?? new HistoryForecastOptions();
        if (_options.Days < 1)
            throw new ManagerInputException("a history forecast needs at least 1 day");
        _zone = _options.TimeZone ?? TimeZoneInfo.Utc;
    }

    public int Count => _ticks.Count;

    /// <summary>Adds a measurement; times must not go backwards (a repeated time is fine).</summary>
    public void Add(DateTimeOffset time, double watts)
    {
        if (!double.IsFinite(watts))
            return; // a missing reading is not a zero
        if (_ticks.Count > 0 && time.UtcTicks < _ticks[^1])
            throw new ManagerInputException($"history sample at {time:u} is earlier than the one before it");
        _ticks.Add(time.UtcTicks);
        _prefix.Add(_prefix[^1] + watts);
    }

    /// <summary>The forecast as seen at <paramref name="now"/>, as an <see cref="IPowerForecast"/>.</summary>
    public IPowerForecast At(DateTimeOffset now) => new View(this, now);

    public double[] SlotMeans(DateTimeOffset now, DateTimeOffset start, TimeSpan slotLength, int count)
    {
        var means = new double[count];
        var scale = _options.ScaleByToday ? TodayScale(now) : 1.0;
        var tomorrow = LocalMidnight(now).AddDays(1);
        var fallback = _options.RecentFallback is { } recent ? Mean(now - recent, now) ?? 0 : 0;
        for (var slot = 0; slot < count; slot++)
        {
            var from = start + slotLength * slot;
            var mean = PastDaysMean(now, from, from + slotLength) ?? fallback;
            means[slot] = from < tomorrow ? mean * scale : mean;
        }
        return means;
    }

    /// <summary>Today's measured mean so far divided by what the past days forecast for the same hours (1 when unknown).</summary>
    public double TodayScale(DateTimeOffset now)
    {
        var midnight = LocalMidnight(now);
        var measured = Mean(midnight, now);
        var forecast = PastDaysMean(now, midnight, now);
        if (measured is null || forecast is null || forecast.Value * (now - midnight).TotalHours < _options.MinEnergyForScalingWh)
            return 1.0;
        return Math.Clamp(measured.Value / forecast.Value, 0, _options.MaxScale);
    }

    /// <summary>
    /// Today's measured mean so far divided by what <paramref name="forecast"/> said for the same hours (1 when
    /// there is too little to judge), and the end of today: wrap the forecast in a <see cref="ScaledForecast"/> with both.
    /// </summary>
    public (double Ratio, DateTimeOffset Until) RatioTo(IPowerForecast forecast, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var midnight = LocalMidnight(now);
        var tomorrow = LocalMidnight(now).AddDays(1);
        if (now <= midnight || Mean(midnight, now) is not { } measured)
            return (1.0, tomorrow);
        var said = forecast.SlotMeans(midnight, now - midnight, 1)[0];
        if (said * (now - midnight).TotalHours < _options.MinEnergyForScalingWh)
            return (1.0, tomorrow);
        return (Math.Clamp(measured / said, 0, _options.MaxScale), tomorrow);
    }

    // The mean of the same window on the most recent past days that have data and lie wholly before now.
    private double? PastDaysMean(DateTimeOffset now, DateTimeOffset from, DateTimeOffset to)
    {
        var sum = 0.0;
        var days = 0;
        var firstTicks = _ticks.Count > 0 ? _ticks[0] : long.MaxValue;
        for (var back = 1; days < _options.Days; back++)
        {
            var (shiftedFrom, shiftedTo) = (DaysBefore(from, back), DaysBefore(to, back));
            if (shiftedTo.UtcTicks < firstTicks)
                break;
            if (shiftedTo > now)
                continue;
            if (Mean(shiftedFrom, shiftedTo) is { } mean)
            {
                sum += mean;
                days++;
            }
        }
        return days == 0 ? null : sum / days;
    }

    private double? Mean(DateTimeOffset from, DateTimeOffset to)
    {
        var i = FirstAtOrAfter(from.UtcTicks);
        var j = FirstAtOrAfter(to.UtcTicks);
        return j > i ? (_prefix[j] - _prefix[i]) / (j - i) : null;
    }

    private int FirstAtOrAfter(long ticks)
    {
        int low = 0, high = _ticks.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_ticks[middle] < ticks)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    // The same local wall-clock time `days` days earlier (23 or 25 h across a clock change).
    private DateTimeOffset DaysBefore(DateTimeOffset time, int days)
    {
        var local = TimeZoneInfo.ConvertTime(time, _zone).DateTime.AddDays(-days);
        var offset = _zone.IsInvalidTime(local) ? _zone.GetUtcOffset(local.AddHours(-1)) : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private DateTimeOffset LocalMidnight(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, _zone).Date;
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private sealed class View(HistoryForecast history, DateTimeOffset now) : IPowerForecast
    {
        public double[] SlotMeans(DateTimeOffset start, TimeSpan slotLength, int count) => history.SlotMeans(now, start, slotLength, count);
    }
}
