using EnergyTap.Server.Metrics;

namespace EnergyTap.Server.Tests.Metrics;

public class PollLagMetricsTests
{
    [Fact]
    public void Poll_lag_is_one_process_wide_histogram_in_seconds()
    {
        var registry = new MetricRegistry();
        var polls = new PollMetrics(registry);

        polls.RecordLag(TimeSpan.FromMilliseconds(3));
        polls.RecordLag(TimeSpan.FromMilliseconds(40));
        polls.RecordLag(TimeSpan.FromSeconds(30));

        var text = registry.Render();
        Assert.Contains("# TYPE energytap_poll_lag_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_poll_lag_seconds_bucket{le=\"0.0025\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_poll_lag_seconds_bucket{le=\"0.005\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_poll_lag_seconds_bucket{le=\"0.05\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_poll_lag_seconds_bucket{le=\"10\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_poll_lag_seconds_bucket{le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_poll_lag_seconds_count 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_lag_from_a_clock_step_counts_as_on_time()
    {
        var registry = new MetricRegistry();
        new PollMetrics(registry).RecordLag(TimeSpan.FromSeconds(-2));

        Assert.Contains("energytap_poll_lag_seconds_bucket{le=\"0.001\"} 1\n", registry.Render(), StringComparison.Ordinal);
    }
}
