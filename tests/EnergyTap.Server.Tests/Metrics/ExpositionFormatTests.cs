using EnergyTap.Server.Metrics;

namespace EnergyTap.Server.Tests.Metrics;

public sealed class ExpositionFormatTests
{
    [Fact]
    public void Gauge_with_labels_is_written_with_help_type_and_sorted_series()
    {
        var registry = new MetricRegistry();
        var gauge = registry.GetOrCreateGauge("energytap_solar_power_watts", "Solar production power in watts.", "site", "device");
        gauge.WithLabels("home", "pvs6").Set(1523.5);
        gauge.WithLabels("cabin", "pvs5").Set(0);

        Assert.Equal(
            "# HELP energytap_solar_power_watts Solar production power in watts.\n" +
            "# TYPE energytap_solar_power_watts gauge\n" +
            "energytap_solar_power_watts{site=\"cabin\",device=\"pvs5\"} 0\n" +
            "energytap_solar_power_watts{site=\"home\",device=\"pvs6\"} 1523.5\n",
            registry.Render());
    }

    [Fact]
    public void Help_and_label_values_are_escaped()
    {
        var registry = new MetricRegistry();
        registry.GetOrCreateGauge("odd", "a \\ backslash\nand a new line \"quoted\"", "path")
            .WithLabels("C:\\pvs \"main\"\nline2").Set(1);

        Assert.Equal(
            "# HELP odd a \\\\ backslash\\nand a new line \"quoted\"\n" +
            "# TYPE odd gauge\n" +
            "odd{path=\"C:\\\\pvs \\\"main\\\"\\nline2\"} 1\n",
            registry.Render());
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(-12.25, "-12.25")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(123456789012.0, "123456789012")]
    public void Special_and_ordinary_values_use_prometheus_spelling(double value, string expected)
    {
        var registry = new MetricRegistry();
        registry.GetOrCreateGauge("v", "value").WithLabels().Set(value);

        Assert.EndsWith($"\nv {expected}\n", registry.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Counters_must_end_in_total_and_only_increase()
    {
        var registry = new MetricRegistry();
        Assert.Throws<ArgumentException>(() => registry.GetOrCreateCounter("energytap_polls", "polls"));

        var counter = registry.GetOrCreateCounter("energytap_polls_total", "polls", "device");
        counter.WithLabels("agate").Inc();
        counter.WithLabels("agate").Inc(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => counter.WithLabels("agate").Inc(-1));

        Assert.Equal(
            "# HELP energytap_polls_total polls\n" +
            "# TYPE energytap_polls_total counter\n" +
            "energytap_polls_total{device=\"agate\"} 3\n",
            registry.Render());
    }

    [Fact]
    public void Histogram_writes_cumulative_buckets_sum_and_count()
    {
        var registry = new MetricRegistry();
        var histogram = registry.GetOrCreateHistogram("poll_seconds", "poll time", [0.1, 1], "device");
        var series = histogram.WithLabels("pvs");
        series.Observe(0.05);
        series.Observe(0.5);
        series.Observe(3);

        Assert.Equal(
            "# HELP poll_seconds poll time\n" +
            "# TYPE poll_seconds histogram\n" +
            "poll_seconds_bucket{device=\"pvs\",le=\"0.1\"} 1\n" +
            "poll_seconds_bucket{device=\"pvs\",le=\"1\"} 2\n" +
            "poll_seconds_bucket{device=\"pvs\",le=\"+Inf\"} 3\n" +
            "poll_seconds_sum{device=\"pvs\"} 3.55\n" +
            "poll_seconds_count{device=\"pvs\"} 3\n",
            registry.Render());
    }

    [Fact]
    public void Families_are_sorted_by_name_and_empty_families_are_left_out()
    {
        var registry = new MetricRegistry();
        registry.GetOrCreateGauge("zeta", "z").WithLabels().Set(1);
        registry.GetOrCreateGauge("alpha", "a", "site");
        var removed = registry.GetOrCreateGauge("beta", "b", "site");
        removed.WithLabels("x").Set(2);
        Assert.True(removed.Remove("x"));

        Assert.Equal("# HELP zeta z\n# TYPE zeta gauge\nzeta 1\n", registry.Render());
        Assert.Equal(["alpha", "beta", "zeta"], registry.Families.Select(f => f.Name));
    }

    [Fact]
    public void Registration_is_idempotent_but_conflicts_are_refused()
    {
        var registry = new MetricRegistry();
        var first = registry.GetOrCreateGauge("g", "help", "site");
        Assert.Same(first, registry.GetOrCreateGauge("g", "help", "site"));
        Assert.Throws<InvalidOperationException>(() => registry.GetOrCreateGauge("g", "help", "device"));
        registry.GetOrCreateCounter("g_total", "help");
        Assert.Throws<InvalidOperationException>(() => registry.GetOrCreateGauge("g_total", "help"));
        Assert.Throws<ArgumentException>(() => first.WithLabels("a", "b"));
        Assert.Throws<ArgumentException>(() => registry.GetOrCreateGauge("1bad", "help"));
        Assert.Throws<ArgumentException>(() => registry.GetOrCreateGauge("ok", "help", "__reserved"));
        Assert.Throws<ArgumentException>(() => registry.GetOrCreateHistogram("h", "help", [1], "le"));
        Assert.Throws<ArgumentException>(() => registry.GetOrCreateHistogram("h2", "help", [2, 1]));
    }

    [Fact]
    public void Label_values_that_join_alike_stay_separate_series()
    {
        var registry = new MetricRegistry();
        var gauge = registry.GetOrCreateGauge("g", "help", "a", "b");
        gauge.WithLabels("x_y", "z").Set(1);
        gauge.WithLabels("x", "y_z").Set(2);

        Assert.Equal(2, gauge.SeriesCount);
    }

    [Fact]
    public async Task Concurrent_updates_are_not_lost_and_scrapes_run_alongside()
    {
        var registry = new MetricRegistry();
        var counter = registry.GetOrCreateCounter("hits_total", "hits", "worker");
        var histogram = registry.GetOrCreateHistogram("h", "help", [1]).WithLabels();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.WithLabels("shared").Inc();
                histogram.Observe(0.5);
                counter.WithLabels($"w{w}-{i % 50}").Inc();
                if (i % 1000 == 0)
                {
                    _ = registry.Render();
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(40_000, counter.WithLabels("shared").Value);
        Assert.Equal(40_000, histogram.Count);
        Assert.Equal(1 + (4 * 50), counter.SeriesCount);
    }

    [Fact]
    public async Task WriteToAsync_writes_utf8_without_byte_order_mark()
    {
        var registry = new MetricRegistry();
        registry.GetOrCreateGauge("temp_celsius", "Temperatur °C", "site").WithLabels("Zürich").Set(21.5);
        using var stream = new MemoryStream();

        await registry.WriteToAsync(stream);

        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(registry.Render(), System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Contains("site=\"Zürich\"", registry.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteToAsync_matches_the_text_exposition_across_buffer_segments()
    {
        var registry = new MetricRegistry();
        var gauge = registry.GetOrCreateGauge("energytap_inverter_power_watts", "Inverter AC output power in watts.", "site", "device");
        for (var i = 0; i < 3000; i++)
        {
            gauge.WithLabels("site-ü", $"inverter-{i}").Set(i * 1.5);
        }

        using var stream = new MemoryStream();
        await registry.WriteToAsync(stream);

        Assert.True(stream.Length > 3 * 64 * 1024);
        Assert.Equal(registry.Render(), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
