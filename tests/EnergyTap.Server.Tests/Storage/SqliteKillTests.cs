using System.Diagnostics;
using EnergyTap.Server.Storage;
using EnergyTap.Server.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EnergyTap.Server.Tests.Storage;

public sealed class SqliteKillTests
{
    /// <summary>What the child reported having handed to the writer at least this long before the kill must be stored.</summary>
    private static readonly TimeSpan DurableAfter = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Killed_writer_leaves_an_intact_database_with_everything_older_than_a_second()
    {
        using var folder = new TempDirectory();
        var path = folder.File("kill.db");
        using var child = ChildProcessMode.Start(SqliteKillChild.Mode, new Dictionary<string, string> { [SqliteKillChild.PathVariable] = path });
        var reports = new List<(long Count, long SeenAt)>();
        try
        {
            var clock = Stopwatch.StartNew();
            // Let it run until it has been producing for a few seconds, then kill -9 (no chance to flush or close).
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                var line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
                if (line is null)
                {
                    Assert.Fail($"the child exited early: {await child.StandardError.ReadToEndAsync()}");
                }

                reports.Add((long.Parse(line, System.Globalization.CultureInfo.InvariantCulture), clock.ElapsedMilliseconds));
                if (reports[^1].SeenAt - reports[0].SeenAt > 3000)
                {
                    break;
                }
            }

            var killedAt = clock.ElapsedMilliseconds;
            child.Kill();
            await child.WaitForExitAsync();

            var mustHave = reports.Where(r => r.SeenAt <= killedAt - DurableAfter.TotalMilliseconds).Select(r => r.Count).DefaultIfEmpty(0).Max();
            Assert.True(mustHave > 0, "the child produced nothing in time");

            await using (var check = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
            {
                await check.OpenAsync();
                await using var integrity = check.CreateCommand();
                integrity.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", await integrity.ExecuteScalarAsync());
            }

            await using var store = await SqliteReadingStore.OpenAsync(path);
            var rows = await store.QueryAsync(new HistoryQuery(SqliteKillChild.Start, SqliteKillChild.Start.AddDays(1))
            {
                Resolution = HistoryResolution.Raw,
                Limit = int.MaxValue,
            });

            Assert.True(rows.Count >= mustHave, $"stored {rows.Count} readings, but {mustHave} were handed over more than {DurableAfter} before the kill");
            // Batches commit whole and in order: what is stored is exactly the first N readings, no holes.
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(SqliteKillChild.ReadingNumber(i).Time, rows[i].Time);
                Assert.Equal(i, rows[i].Value);
            }
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }
}
