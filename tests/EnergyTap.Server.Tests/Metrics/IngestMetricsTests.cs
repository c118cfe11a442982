using EnergyTap.Server.Metrics;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage.Ingest;
using EnergyTap.Server.Tests.Storage;

namespace EnergyTap.Server.Tests.Metrics;

public class IngestMetricsTests
{
    [Fact]
    public async Task A_scrape_shows_the_readings_the_writer_stored_and_still_holds()
    {
        var registry = new MetricRegistry();
        await using var writer = new ReadingWriter(new RecordingStore());
        IngestMetrics.Register(registry, writer);
        var at = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < 3; i++)
        {
            await writer.Input.WriteAsync(new Reading("home", "agate", "battery_soc", 50 + i, "%", at.AddSeconds(i), ReadingQuality.Fresh));
        }

        await writer.FlushAsync();

        var text = registry.Render();
        Assert.Contains("energytap_readings_stored_total 3\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_readings_dropped_total 0\n", text, StringComparison.Ordinal);
        Assert.Contains("energytap_readings_pending 0\n", text, StringComparison.Ordinal);
    }
}
