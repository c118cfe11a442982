using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage;
using EnergyTap.Server.Storage.Control;
using EnergyTap.Server.Storage.Sql;

namespace EnergyTap.Server.Tests.Storage;

/// <summary>
/// The behaviour every backend must show, run once per backend by a derived class
/// (<see cref="SqliteReadingStoreTests"/>, <see cref="PostgresReadingStoreTests"/>).
/// </summary>
public abstract class ReadingStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected ManualTimeProvider Time { get; } = new(T0);

    protected SqlReadingStore Store { get; private set; } = null!;

    protected ReadingStoreOptions Options => new() { Time = Time };

    /// <summary>Creates (or reuses) the database and opens it for writing.</summary>
    protected abstract Task<SqlReadingStore> OpenAsync();

    protected abstract Task<SqlReadingStore> OpenReadOnlyAsync();

    /// <summary>Runs SQL behind the store's back, to simulate crashes and inspect tables.</summary>
    protected abstract Task<object?> ExecuteSqlAsync(string sql);

    public virtual async Task InitializeAsync() => Store = await OpenAsync();

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    protected static Reading R(string quantity, DateTimeOffset time, double? value, ReadingQuality quality = ReadingQuality.Fresh, string device = "agate") =>
        new("home", device, quantity, value, quantity.EndsWith("_soc", StringComparison.Ordinal) ? "%" : "W", time, quality);

    private Task<IReadOnlyList<HistoryRow>> QueryAsync(DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, SeriesFilter? filter = null) =>
        Store.QueryAsync(new HistoryQuery(from, to) { Resolution = resolution, Filter = filter ?? SeriesFilter.All, Limit = int.MaxValue });

    private async Task<long> CountAsync(string table) =>
        Convert.ToInt64(await ExecuteSqlAsync($"SELECT COUNT(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Readings_round_trip_in_utc_with_millisecond_precision()
    {
        var local = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        await Store.WriteAsync([
            R("battery_power", local, -1520.25),
            R("battery_soc", local, null, ReadingQuality.Missing),
            R("grid_power", local, 12.5, ReadingQuality.Stale),
        ]);

        var rows = await QueryAsync(T0, T0.AddHours(1), HistoryResolution.Raw);

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(T0.AddMilliseconds(123), r.Time));
        Assert.All(rows, r => Assert.Equal(TimeSpan.Zero, r.Time.Offset));
        var power = rows.Single(r => r.Quantity == "battery_power");
        Assert.Equal(("home", "agate", "W", -1520.25, ReadingQuality.Fresh), (power.Site, power.Device, power.Unit, power.Value!.Value, power.Quality!.Value));
        var soc = rows.Single(r => r.Quantity == "battery_soc");
        Assert.Equal(("%", (double?)null, 0L, ReadingQuality.Missing), (soc.Unit, soc.Value, soc.Count, soc.Quality!.Value));
        Assert.Equal(ReadingQuality.Stale, rows.Single(r => r.Quantity == "grid_power").Quality);
    }

    [Fact]
    public async Task A_retried_batch_stores_nothing_twice()
    {
        var batch = Enumerable.Range(0, 50).Select(i => R("grid_power", T0.AddSeconds(i), i)).ToArray();
        await Store.WriteAsync(batch);
        await Store.WriteAsync(batch);
        await Store.WriteAsync([.. batch[40..], R("grid_power", T0.AddSeconds(50), 50), R("grid_power", T0.AddSeconds(50), 50)]);

        var rows = await QueryAsync(T0, T0.AddHours(1), HistoryResolution.Raw);

        Assert.Equal(Enumerable.Range(0, 51).Select(i => (double?)i), rows.Select(r => r.Value));
    }

    [Fact]
    public async Task Queries_take_a_half_open_range_and_filter_by_series()
    {
        await Store.WriteAsync([
            R("grid_power", T0, 1), R("grid_power", T0.AddMinutes(1), 2), R("grid_power", T0.AddMinutes(2), 3),
            R("battery_power", T0.AddMinutes(1), 10), R("grid_power", T0.AddMinutes(1), 20, device: "meter"),
        ]);

        var range = await QueryAsync(T0.AddMinutes(1), T0.AddMinutes(2), HistoryResolution.Raw);
        var one = await QueryAsync(T0, T0.AddHours(1), HistoryResolution.Raw, new SeriesFilter(Device: "agate", Quantity: "grid_power"));
        var limited = await Store.QueryAsync(new HistoryQuery(T0, T0.AddHours(1)) { Resolution = HistoryResolution.Raw, Limit = 2 });
        var otherSite = await QueryAsync(T0, T0.AddHours(1), HistoryResolution.Raw, new SeriesFilter(Site: "cabin"));

        Assert.Equal([10d, 2d, 20d], range.Select(r => r.Value!.Value));
        Assert.Equal([1d, 2d, 3d], one.Select(r => r.Value!.Value));
        Assert.Equal([1d, 10d], limited.Select(r => r.Value!.Value));
        Assert.Empty(otherSite);
    }

    [Fact]
    public async Task Latest_is_the_newest_reading_of_each_series()
    {
        await Store.WriteAsync([
            R("grid_power", T0, 1), R("grid_power", T0.AddSeconds(5), 2),
            R("battery_soc", T0.AddSeconds(9), null, ReadingQuality.Missing), R("battery_soc", T0.AddSeconds(1), 80),
        ]);

        var latest = await Store.LatestAsync();
        var filtered = await Store.LatestAsync(new SeriesFilter(Quantity: "grid_power"));

        Assert.Equal(
            [("battery_soc", T0.AddSeconds(9), (double?)null), ("grid_power", T0.AddSeconds(5), 2d)],
            latest.Select(r => (r.Quantity, r.Time, r.Value)));
        Assert.Equal(ReadingQuality.Missing, latest[0].Quality);
        Assert.Equal("grid_power", Assert.Single(filtered).Quantity);
    }

    [Fact]
    public async Task Series_list_has_first_and_last_time_and_the_raw_count()
    {
        await Store.WriteAsync([R("grid_power", T0, 1), R("grid_power", T0.AddMinutes(3), 2), R("battery_soc", T0.AddMinutes(1), 50)]);

        var series = await Store.ListSeriesAsync();

        Assert.Equal(
            [new SeriesSummary("home", "agate", "battery_soc", "%", T0.AddMinutes(1), T0.AddMinutes(1), 1),
             new SeriesSummary("home", "agate", "grid_power", "W", T0, T0.AddMinutes(3), 2)],
            series);
    }

    [Fact]
    public async Task Roll_ups_summarise_completed_buckets_with_exact_boundaries_and_nulls()
    {
        await Store.WriteAsync([
            R("grid_power", T0, 100),
            R("grid_power", T0.AddMinutes(2), null, ReadingQuality.Missing),
            R("grid_power", T0.AddMinutes(4.999), 300),       // last of the first bucket
            R("grid_power", T0.AddMinutes(5), -50),            // first of the second bucket
            R("grid_power", T0.AddMinutes(7), 50),
            R("grid_power", T0.AddMinutes(12), null, ReadingQuality.Missing),
            R("grid_power", T0.AddMinutes(61), 7),              // next hour
        ]);
        Time.Advance(TimeSpan.FromHours(2.5));

        var report = await Store.RunMaintenanceAsync();
        var fiveMinutes = await QueryAsync(T0, T0.AddHours(2), HistoryResolution.FiveMinutes);
        var hourly = await QueryAsync(T0, T0.AddHours(2), HistoryResolution.Hourly);

        Assert.Equal((4, 2), (report.FiveMinuteBucketsWritten, report.HourlyBucketsWritten));
        Assert.Equal(
            [(T0, 200d, 100d, 300d, 2L, 300d), (T0.AddMinutes(5), 0d, -50d, 50d, 2L, 50d)],
            fiveMinutes.Take(2).Select(r => (r.Time, r.Value!.Value, r.Min!.Value, r.Max!.Value, r.Count, r.Last!.Value)));
        Assert.Equal((T0.AddMinutes(10), (double?)null, 0L, (double?)null), (fiveMinutes[2].Time, fiveMinutes[2].Value, fiveMinutes[2].Count, fiveMinutes[2].Last));
        Assert.Equal((T0.AddMinutes(60), 7d), (fiveMinutes[3].Time, fiveMinutes[3].Value!.Value));
        Assert.Equal(
            [(T0, 100d, -50d, 300d, 4L, 50d), (T0.AddHours(1), 7d, 7d, 7d, 1L, 7d)],
            hourly.Select(r => (r.Time, r.Value!.Value, r.Min!.Value, r.Max!.Value, r.Count, r.Last!.Value)));
        Assert.All(hourly, r => Assert.Null(r.Quality));
    }

    [Fact]
    public async Task A_bucket_is_rolled_up_only_after_it_ended_plus_the_rollup_delay()
    {
        await Store.WriteAsync([R("grid_power", T0.AddMinutes(1), 1), R("grid_power", T0.AddMinutes(6), 2)]);
        Time.Advance(TimeSpan.FromMinutes(5.9));

        await Store.RunMaintenanceAsync();
        Assert.Empty(await QueryAsync(T0, T0.AddHours(1), HistoryResolution.FiveMinutes));

        Time.Advance(TimeSpan.FromMinutes(0.1));
        var report = await Store.RunMaintenanceAsync();
        Assert.Equal(1, report.FiveMinuteBucketsWritten);
        Assert.Equal(T0, Assert.Single(await QueryAsync(T0, T0.AddHours(1), HistoryResolution.FiveMinutes)).Time);
    }

    [Fact]
    public async Task Maintenance_can_be_rerun_even_after_a_crash_without_double_counting()
    {
        await Store.WriteAsync(Enumerable.Range(0, 120).Select(i => R("grid_power", T0.AddSeconds(30 * i), i)).ToArray());
        Time.Advance(TimeSpan.FromHours(2));
        await Store.RunMaintenanceAsync();
        var before = await QueryAsync(T0, T0.AddHours(2), HistoryResolution.FiveMinutes);

        var again = await Store.RunMaintenanceAsync();
        // As if a crash had lost the progress marker after the buckets were written: everything is recomputed.
        await ExecuteSqlAsync("DELETE FROM rollup_progress");
        var afterCrash = await Store.RunMaintenanceAsync();

        Assert.Equal((0, 0), (again.FiveMinuteBucketsWritten, again.HourlyBucketsWritten));
        Assert.Equal((12, 1), (afterCrash.FiveMinuteBucketsWritten, afterCrash.HourlyBucketsWritten));
        Assert.Equal(12, before.Count);
        Assert.Equal(before, await QueryAsync(T0, T0.AddHours(2), HistoryResolution.FiveMinutes));
        Assert.Equal(12, await CountAsync("rollup_5m"));
        Assert.Equal(120, Assert.Single(await QueryAsync(T0, T0.AddHours(2), HistoryResolution.Hourly)).Count);
    }

    [Fact]
    public async Task Retention_deletes_raw_after_7_days_5_minute_after_90_days_and_hourly_after_5_years()
    {
        await Store.WriteAsync([R("grid_power", T0, 1), R("grid_power", T0.AddDays(2), 2)]);
        Time.Advance(TimeSpan.FromHours(1));
        await Store.RunMaintenanceAsync();

        Time.Advance(TimeSpan.FromDays(7));
        var week = await Store.RunMaintenanceAsync();
        Assert.Equal(1, week.RawRowsDeleted);
        Assert.Equal([2d], (await QueryAsync(T0, T0.AddDays(3), HistoryResolution.Raw)).Select(r => r.Value!.Value));
        Assert.Equal(2, await CountAsync("rollup_5m"));
        // The series list still reaches back to the expired raw readings through the roll-ups.
        var series = Assert.Single(await Store.ListSeriesAsync());
        Assert.Equal((T0, T0.AddDays(2), 1L), (series.First, series.Last, series.RawCount));

        Time.Advance(TimeSpan.FromDays(83));
        var quarter = await Store.RunMaintenanceAsync();
        Assert.Equal((1L, 0L), (quarter.FiveMinuteRowsDeleted, quarter.HourlyRowsDeleted));
        Assert.Equal(2, await CountAsync("rollup_1h"));

        Time.Advance(TimeSpan.FromDays(5 * 365 - 88));
        var years = await Store.RunMaintenanceAsync();
        Assert.Equal((1L, 2L), (years.FiveMinuteRowsDeleted, years.HourlyRowsDeleted));
        Assert.Equal(0, await CountAsync("readings"));
        Assert.Equal(0, await CountAsync("rollup_5m"));
        Assert.Equal(0, await CountAsync("rollup_1h"));
    }

    [Fact]
    public async Task Auto_resolution_picks_raw_for_hours_and_roll_ups_for_days()
    {
        await Store.WriteAsync([R("grid_power", T0, 1), R("grid_power", T0.AddMinutes(1), 3)]);
        Time.Advance(TimeSpan.FromHours(2));
        await Store.RunMaintenanceAsync();

        var hours = await Store.QueryAsync(new HistoryQuery(T0, T0.AddHours(6)));
        var days = await Store.QueryAsync(new HistoryQuery(T0, T0.AddDays(2)));
        var weeks = await Store.QueryAsync(new HistoryQuery(T0, T0.AddDays(30)));

        Assert.Equal(2, hours.Count);
        Assert.Equal((HistoryResolution.FiveMinutes, 2d), (Assert.Single(days).Resolution, days[0].Value!.Value));
        Assert.Equal(HistoryResolution.Hourly, Assert.Single(weeks).Resolution);
    }

    [Fact]
    public async Task Everything_survives_closing_and_reopening()
    {
        var ledger = (IControlLedger)Store;
        await Store.WriteAsync([R("grid_power", T0, 42)]);
        await ledger.AppendAuditAsync(new AuditEntry(T0, "cli", "set", "x"));
        await Store.DisposeAsync();

        Store = await OpenAsync();

        Assert.Equal(42, Assert.Single(await QueryAsync(T0, T0.AddMinutes(1), HistoryResolution.Raw)).Value);
        Assert.Single(await ((IControlLedger)Store).QueryAuditAsync(T0, T0.AddDays(1)));
    }

    [Fact]
    public async Task A_read_only_store_answers_queries_and_refuses_writes()
    {
        await Store.WriteAsync([R("grid_power", T0, 42)]);

        await using var reader = await OpenReadOnlyAsync();

        Assert.Equal(42, Assert.Single(await reader.QueryAsync(new HistoryQuery(T0, T0.AddMinutes(1)))).Value);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.WriteAsync([R("grid_power", T0.AddSeconds(1), 1)]));
    }

    [Fact]
    public async Task A_reader_and_a_writer_work_at_the_same_time()
    {
        const int Batches = 40, PerBatch = 50;
        var writing = Task.Run(async () =>
        {
            for (var b = 0; b < Batches; b++)
            {
                await Store.WriteAsync(Enumerable.Range(0, PerBatch).Select(i => R("grid_power", T0.AddSeconds(b * PerBatch + i), i)).ToArray());
            }
        });
        var seen = new List<int>();
        while (!writing.IsCompleted)
        {
            var rows = await QueryAsync(T0, T0.AddDays(1), HistoryResolution.Raw);
            // A reader sees whole batches only: a batch is one transaction.
            Assert.Equal(0, rows.Count % PerBatch);
            seen.Add(rows.Count);
        }

        await writing;
        Assert.Equal(Batches * PerBatch, (await QueryAsync(T0, T0.AddDays(1), HistoryResolution.Raw)).Count);
        Assert.Equal(seen.Order(), seen);
    }

    [Fact]
    public async Task The_control_ledger_keeps_commands_until_released()
    {
        var ledger = (IControlLedger)Store;
        var first = await ledger.RecordCommandAsync(new NewControlCommand("home", "agate", "discharge", 3000, T0, T0.AddMinutes(15)));
        var second = await ledger.RecordCommandAsync(new NewControlCommand("home", "agate", "reserve", null, T0.AddMinutes(1), T0.AddMinutes(5)));

        Assert.Equal([second.Id, first.Id], (await ledger.OpenCommandsAsync()).Select(c => c.Id));
        Assert.True(await ledger.ReleaseCommandAsync(second.Id, T0.AddMinutes(5), "reverted"));
        Assert.False(await ledger.ReleaseCommandAsync(second.Id, T0.AddMinutes(6), "reverted again"));
        Assert.False(await ledger.ReleaseCommandAsync(999_999, T0, "unknown"));

        Assert.Equal(first, Assert.Single(await ledger.OpenCommandsAsync()));
        var recent = await ledger.RecentCommandsAsync(T0);
        Assert.Equal(
            new ControlCommandRecord(second.Id, "home", "agate", "reserve", null, T0.AddMinutes(1), T0.AddMinutes(5), T0.AddMinutes(5), "reverted"),
            recent[0]);
        Assert.Equal((first.Id, 3000d), (recent[1].Id, recent[1].Watts!.Value));
    }

    [Fact]
    public async Task The_audit_log_appends_and_reads_back_in_time_order()
    {
        var ledger = (IControlLedger)Store;
        await ledger.AppendAuditAsync(new AuditEntry(T0.AddSeconds(2), "supervisor", "revert", "discharge 3000 W reverted"));
        await ledger.AppendAuditAsync(new AuditEntry(T0, "cli", "set", "discharge 3000 W for 15 min"));
        await ledger.AppendAuditAsync(new AuditEntry(T0.AddDays(2), "cli", "set", "later"));

        var entries = await ledger.QueryAuditAsync(T0, T0.AddDays(1));

        Assert.Equal(
            [new AuditEntry(T0, "cli", "set", "discharge 3000 W for 15 min"), new AuditEntry(T0.AddSeconds(2), "supervisor", "revert", "discharge 3000 W reverted")],
            entries);
    }
}
