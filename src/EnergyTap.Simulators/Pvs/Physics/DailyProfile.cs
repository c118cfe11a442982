namespace EnergyTap.Simulators.Pvs.Physics;

/// <summary>
/// A power curve that repeats every local day, with its energy integral precomputed per minute, so lifetime
/// counters (kWh) are monotonic, cheap to evaluate at any instant and consistent with the power readings.
/// </summary>
internal sealed class DailyProfile
{
    private const int MinutesPerDay = 24 * 60;
    private const int StepsPerMinute = 6;
    private readonly Func<double, double> _kwAtHour;
    private readonly double[] _cumulativeKwh = new double[MinutesPerDay + 1];

    /// <param name="kwAtHour">Power in kW at a local hour of day in [0, 24).</param>
    public DailyProfile(Func<double, double> kwAtHour)
    {
        _kwAtHour = kwAtHour;
        for (var minute = 0; minute < MinutesPerDay; minute++)
        {
            var sum = 0.0;
            for (var step = 0; step < StepsPerMinute; step++)
            {
                var hour = (minute + ((step + 0.5) / StepsPerMinute)) / 60.0;
                sum += kwAtHour(hour);
            }

            _cumulativeKwh[minute + 1] = _cumulativeKwh[minute] + (sum / StepsPerMinute / 60.0);
        }
    }

    public double DailyKwh => _cumulativeKwh[MinutesPerDay];

    public double KwAt(LocalInstant at) => _kwAtHour(at.HourOfDay);

    /// <summary>Energy since local midnight of day 0 (0001-01-01) up to <paramref name="at"/>.</summary>
    public double KwhUntil(LocalInstant at)
    {
        var minutes = at.HourOfDay * 60.0;
        var whole = Math.Min((int)minutes, MinutesPerDay - 1);
        var within = _cumulativeKwh[whole] + ((_cumulativeKwh[whole + 1] - _cumulativeKwh[whole]) * (minutes - whole));
        return (at.DayNumber * DailyKwh) + within;
    }

    /// <summary>Energy between two instants (zero if they are out of order).</summary>
    public double KwhBetween(LocalInstant from, LocalInstant to) => Math.Max(0, KwhUntil(to) - KwhUntil(from));
}

/// <summary>An instant seen in the site's local time: which day, and the hour within it.</summary>
internal readonly record struct LocalInstant(long DayNumber, double HourOfDay)
{
    public static LocalInstant From(DateTimeOffset utc, TimeSpan siteUtcOffset)
    {
        var local = utc.UtcDateTime + siteUtcOffset;
        return new LocalInstant(local.Ticks / TimeSpan.TicksPerDay, local.TimeOfDay.TotalHours);
    }
}
