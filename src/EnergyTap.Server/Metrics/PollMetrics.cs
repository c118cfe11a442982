namespace EnergyTap.Server.Metrics;

/// <summary>
/// EnergyTap's own polling health per device: <c>energytap_device_polls_total</c>,
/// <c>energytap_device_poll_errors_total</c> and the <c>energytap_device_poll_duration_seconds</c> histogram,
/// all labelled {site, device}, and the process-wide <c>energytap_poll_lag_seconds</c> histogram.
/// </summary>
public sealed class PollMetrics
{
    /// <summary>Default bucket bounds in seconds: LAN Modbus polls take milliseconds, PVS and cloud calls seconds.</summary>
    public static IReadOnlyList<double> DefaultBuckets { get; } = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    /// <summary>Bucket bounds of the poll lag in seconds: a healthy scheduler starts polls within milliseconds.</summary>
    public static IReadOnlyList<double> LagBuckets { get; } = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter _polls;
    private readonly Counter _errors;
    private readonly Histogram _duration;
    private readonly HistogramSeries _lag;

    /// <summary>Registers the poll metrics in <paramref name="registry"/>.</summary>
    public PollMetrics(MetricRegistry registry, IReadOnlyList<double>? buckets = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _polls = registry.GetOrCreateCounter("energytap_device_polls_total", "Polls attempted per device.", "site", "device");
        _errors = registry.GetOrCreateCounter("energytap_device_poll_errors_total", "Polls that failed per device.", "site", "device");
        _duration = registry.GetOrCreateHistogram("energytap_device_poll_duration_seconds",
            "Duration of device polls in seconds.", buckets ?? DefaultBuckets, "site", "device");
        // One series for the whole process: lateness is a property of the scheduler, not of a device.
        _lag = registry.GetOrCreateHistogram("energytap_poll_lag_seconds",
            "How late polls start after their scheduled time, in seconds.", LagBuckets).WithLabels();
    }

    /// <summary>Records one finished poll.</summary>
    public void RecordPoll(string site, string device, TimeSpan duration, bool succeeded)
    {
        _polls.WithLabels(site, device).Inc();
        // Touch the error series too so it is exposed as 0 before the first failure (rate() needs a start).
        var errors = _errors.WithLabels(site, device);
        if (!succeeded)
        {
            errors.Inc();
        }

        _duration.WithLabels(site, device).Observe(duration.TotalSeconds);
    }

    /// <summary>Records how late one poll started after its scheduled time.</summary>
    public void RecordLag(TimeSpan lag) => _lag.Observe(Math.Max(0, lag.TotalSeconds));
}
