namespace EnergyTap.Manager.Forecasts;

/// <summary>
/// Another forecast with the slots that start before <see cref="Until"/> multiplied by <see cref="Factor"/>:
/// how a Forecast.Solar or Solcast forecast takes today's measured/forecast ratio (see <see cref="HistoryForecast.RatioTo"/>).
/// </summary>
public sealed class ScaledForecast(IPowerForecast inner, double factor, DateTimeOffset until) : IPowerForecast
{
    public double Factor { get; } = factor;

    public DateTimeOffset Until { get; } = until;

    public double[] SlotMeans(DateTimeOffset start, TimeSpan slotLength, int count)
    {
        var means = inner.SlotMeans(start, slotLength, count);
        for (var slot = 0; slot < count; slot++)
            if (start + slotLength * slot < Until)
                means[slot] *= Factor;
        return means;
    }
}
