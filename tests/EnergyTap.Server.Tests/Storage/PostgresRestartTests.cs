using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage;
using EnergyTap.Server.Storage.Ingest;
using EnergyTap.Server.Storage.Postgres;

namespace EnergyTap.Server.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRestartTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_restart_during_ingest_loses_no_reading_and_duplicates_none()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var store = await PostgresReadingStore.OpenAsync(connectionString);
        // Short intervals on the real clock: the server restart itself takes real seconds.
        var writer = new ReadingWriter(store, new ReadingWriterOptions
        {
            MaxBatchSize = 200,
            FlushInterval = TimeSpan.FromMilliseconds(100),
            RetryDelay = TimeSpan.FromMilliseconds(200),
            ShutdownTimeout = TimeSpan.FromSeconds(60),
        });
        const int Total = 6000;
        var produced = 0;
        var producing = Task.Run(async () =>
        {
            for (; produced < Total; produced++)
            {
                await writer.Input.WriteAsync(new Reading("home", "meter", "grid_power", produced, "W", T0.AddMilliseconds(produced)));
                if (produced % 100 == 0)
                {
                    await Task.Delay(5);
                }
            }
        });

        await Eventually.TrueAsync(() => writer.WrittenCount > 500, "ingest is under way", timeoutSeconds: 60);
        await server.StopAsync();
        await Eventually.TrueAsync(() => writer.FailedAttempts > 0 || producing.IsCompleted, "a batch fails while the server is down", timeoutSeconds: 60);
        await server.StartAsync();
        await producing;
        await writer.DisposeAsync();

        Assert.True(writer.FailedAttempts > 0, "the restart never interrupted a write; the test proved nothing");
        Assert.Equal(0, writer.DroppedCount);
        var rows = await store.QueryAsync(new HistoryQuery(T0, T0.AddHours(1)) { Resolution = HistoryResolution.Raw, Limit = int.MaxValue });
        Assert.Equal(Enumerable.Range(0, Total).Select(i => (double?)i), rows.Select(r => r.Value));
    }
}
