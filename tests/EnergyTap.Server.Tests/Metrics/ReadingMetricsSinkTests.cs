using EnergyTap.Server.Metrics;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Tests.Metrics;

public sealed class ReadingMetricsSinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Power_readings_become_gauges_named_after_quantity_and_unit()
    {
        var registry = new MetricRegistry();
        var sink = new ReadingMetricsSink(registry);

        sink.Record(new Reading("home", "agate", "battery_power", -2500, "W", Now));

        var text = registry.Render();
        Assert.Contains("# TYPE energytap_battery_power_watts gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_battery_power_watts{site=\"home\",device=\"agate\"} -2500\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_reading_up{site=\"home\",device=\"agate\",quantity=\"battery_power\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_reading_stale{site=\"home\",device=\"agate\",quantity=\"battery_power\"} 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_zero_is_written_as_plain_zero_in_metrics_and_json()
    {
        var registry = new MetricRegistry();
        var sink = new ReadingMetricsSink(registry);
        var idle = new Reading("home", "agate", "battery_power", -0.0, "W", Now);

        sink.Record(idle);

        Assert.Contains("energytap_battery_power_watts{site=\"home\",device=\"agate\"} 0\n", registry.Render(), StringComparison.Ordinal);
        var json = System.Text.Json.JsonSerializer.Serialize(idle);
        Assert.Contains("\"Value\":0", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Value\":-0", json, StringComparison.Ordinal);
        Assert.False(double.IsNegative(idle.Value!.Value));
    }

    [Fact]
    public void Grid_connected_is_a_0_1_gauge_and_corrected_values_count_as_fresh()
    {
        var registry = new MetricRegistry();
        var sink = new ReadingMetricsSink(registry);

        sink.Record(new Reading("home", "agate", "grid_connected", 0, "", Now));
        sink.Record(new Reading("home", "agate", "grid_power", 45_000, "W", Now, ReadingQuality.Corrected));

        var text = registry.Render();
        Assert.Contains("# TYPE energytap_grid_connected gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_grid_connected{site=\"home\",device=\"agate\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_grid_power_watts{site=\"home\",device=\"agate\"} 45000\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_reading_stale{site=\"home\",device=\"agate\",quantity=\"grid_power\"} 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Energy_totals_become_counters_ending_in_total()
    {
        var registry = new MetricRegistry();
        var sink = new ReadingMetricsSink(registry);

        sink.Record(new Reading("home", "pvs6", "grid_energy_import", 123456, "Wh", Now));

        var text = registry.Render();
        Assert.Contains("# TYPE energytap_grid_energy_import_joules_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_grid_energy_import_joules_total{site=\"home\",device=\"pvs6\"} 444441600\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_reading_removes_the_series_and_marks_it_down()
    {
        var registry = new MetricRegistry();
        var sink = new ReadingMetricsSink(registry);
        sink.Record(new Reading("home", "agate", "solar_power", 1800, "W", Now));

        sink.Record(new Reading("home", "agate", "solar_power", null, "W", Now.AddSeconds(10), ReadingQuality.Missing));

        var text = registry.Render();
        Assert.DoesNotContain("energytap_solar_power_watts{", text, StringComparison.Ordinal);
        Assert.Contains("energytap_reading_up{site=\"home\",device=\"agate\",quantity=\"solar_power\"} 0\n", text, StringComparison.Ordinal);

        sink.Record(new Reading("home", "agate", "solar_power", 1750, "W", Now.AddSeconds(20)));
        Assert.Contains("energytap_solar_power_watts{site=\"home\",device=\"agate\"} 1750\n", registry.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stale_reading_keeps_a_value_and_flags_it()
    {
        var registry = new MetricRegistry();
        var sink = new ReadingMetricsSink(registry);
        sink.Record(new Reading("home", "cloud", "battery_soc", 80, "%", Now));

        sink.Record(new Reading("home", "cloud", "battery_soc", null, "%", Now.AddSeconds(10), ReadingQuality.Stale));

        var text = registry.Render();
        Assert.Contains("energytap_battery_soc_percent{site=\"home\",device=\"cloud\"} 80\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_reading_stale{site=\"home\",device=\"cloud\",quantity=\"battery_soc\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_reading_up{site=\"home\",device=\"cloud\",quantity=\"battery_soc\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_quantities_still_become_gauges()
    {
        var registry = new MetricRegistry();
        var sink = new ReadingMetricsSink(registry);

        sink.Record(new Reading("home", "agate", "Wifi Signal", -61, "dBm", Now));

        Assert.Contains("energytap_wifi_signal_dbm{site=\"home\",device=\"agate\"} -61\n", registry.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Poll_metrics_count_polls_errors_and_durations_per_device()
    {
        var registry = new MetricRegistry();
        var polls = new PollMetrics(registry);

        polls.RecordPoll("home", "pvs6", TimeSpan.FromMilliseconds(40), succeeded: true);
        polls.RecordPoll("home", "pvs6", TimeSpan.FromSeconds(12), succeeded: false);

        var text = registry.Render();
        Assert.Contains("energytap_device_polls_total{site=\"home\",device=\"pvs6\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_device_poll_errors_total{site=\"home\",device=\"pvs6\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_device_poll_duration_seconds_bucket{site=\"home\",device=\"pvs6\",le=\"0.05\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_device_poll_duration_seconds_bucket{site=\"home\",device=\"pvs6\",le=\"30\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_device_poll_duration_seconds_count{site=\"home\",device=\"pvs6\"} 2\n", text, StringComparison.Ordinal);
    }
}
