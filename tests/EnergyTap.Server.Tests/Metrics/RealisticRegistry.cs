using EnergyTap.Server.Metrics;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Tests.Metrics;

/// <summary>A registry filled the way a running service fills it: every catalog quantity, polls, process metrics.</summary>
internal static class RealisticRegistry
{
    public static MetricRegistry Create()
    {
        var registry = new MetricRegistry();
        ProcessMetrics.Register(registry);
        var sink = new ReadingMetricsSink(registry);
        var polls = new PollMetrics(registry);
        var time = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var value = 1.0;
        foreach (var info in QuantityCatalog.Known.Values)
        {
            sink.Record(new Reading("home", "agate", info.Quantity, value * 10.5, info.Unit, time));
            sink.Record(new Reading("home \"lake\" house", "pvs6\\main", info.Quantity, -value, info.Unit, time, ReadingQuality.Stale));
            value++;
        }

        sink.Record(new Reading("home", "agate", "solar_power", null, "W", time, ReadingQuality.Missing));
        sink.Record(new Reading("home", "agate", "battery_voltage", double.NaN, "V", time));
        sink.Record(new Reading("home", "cloud", "wifi_signal", -61, "dBm", time));
        polls.RecordPoll("home", "agate", TimeSpan.FromMilliseconds(35), succeeded: true);
        polls.RecordPoll("home", "pvs6", TimeSpan.FromSeconds(4), succeeded: false);
        return registry;
    }
}
