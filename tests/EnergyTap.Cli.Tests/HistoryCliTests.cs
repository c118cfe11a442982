using System.Text.Json;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage;
using EnergyTap.Server.Storage.Sqlite;

namespace EnergyTap.Cli.Tests;

public sealed class HistoryCliTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("energytap-history-cli-").FullName;

    private string DatabasePath => Path.Combine(_folder, "history.db");

    public async Task InitializeAsync()
    {
        var clock = new FixedClock(T0.AddHours(3));
        await using var store = await SqliteReadingStore.OpenAsync(DatabasePath, new ReadingStoreOptions { Time = clock });
        await store.WriteAsync([
            new Reading("home", "agate", "battery_power", -1500, "W", T0),
            new Reading("home", "agate", "battery_power", -500, "W", T0.AddMinutes(1)),
            new Reading("home", "agate", "battery_soc", null, "%", T0.AddMinutes(1), ReadingQuality.Missing),
            new Reading("home", "pvs", "inverter_power", 4200.5, "W", T0.AddMinutes(2)),
            new Reading("home", "agate", "battery_power", 100, "W", DateTimeOffset.UtcNow.AddMinutes(-30)),
        ]);
        await store.RunMaintenanceAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private Task<CliProcess.Result> History(params string[] args) => CliProcess.RunAsync(["history", "--db", DatabasePath, .. args]);

    [Fact]
    public async Task Raw_readings_come_out_as_csv()
    {
        var result = await History("--from", "2026-03-01T12:00:00Z", "--to", "2026-03-01T13:00:00Z", "--resolution", "raw");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "time,site,device,quantity,value,unit,quality\n" +
            "2026-03-01T12:00:00.000Z,home,agate,battery_power,-1500,W,fresh\n" +
            "2026-03-01T12:01:00.000Z,home,agate,battery_power,-500,W,fresh\n" +
            "2026-03-01T12:01:00.000Z,home,agate,battery_soc,,%,missing\n" +
            "2026-03-01T12:02:00.000Z,home,pvs,inverter_power,4200.5,W,fresh\n",
            result.StdOut);
    }

    [Fact]
    public async Task Five_minute_roll_ups_come_out_as_json_filtered_by_series()
    {
        var result = await History("--from", "2026-03-01", "--to", "2026-03-02", "--resolution", "5m", "--quantity", "battery_power", "--json");

        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(JsonDocument.Parse(result.StdOut).RootElement.EnumerateArray());
        Assert.Equal("2026-03-01T12:00:00.000Z", row.GetProperty("time").GetString());
        Assert.Equal(-1000, row.GetProperty("avg").GetDouble());
        Assert.Equal(-1500, row.GetProperty("min").GetDouble());
        Assert.Equal(-500, row.GetProperty("last").GetDouble());
        Assert.Equal(2, row.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Relative_times_count_back_from_now()
    {
        var result = await History("--from", "-2h", "--resolution", "raw", "--format", "table");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("battery_power", result.StdOut);
        Assert.Contains("100", result.StdOut);
        Assert.DoesNotContain("4200.5", result.StdOut);
    }

    [Fact]
    public async Task List_shows_each_series_with_first_last_and_count()
    {
        var result = await History("--list", "--device", "agate");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdOut.TrimEnd('\n').Split('\n');
        Assert.Equal("site,device,quantity,unit,first,last,count", lines[0]);
        Assert.StartsWith("home,agate,battery_power,W,2026-03-01T12:00:00.000Z,", lines[1]);
        Assert.EndsWith(",3", lines[1]);
        Assert.Equal("home,agate,battery_soc,%,2026-03-01T12:01:00.000Z,2026-03-01T12:01:00.000Z,1", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task An_older_schema_names_the_command_that_upgrades_it()
    {
        var old = Path.Combine(_folder, "old.db");
        await (await SqliteReadingStore.OpenAsync(old)).DisposeAsync();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={old};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM schema_version";
            await command.ExecuteNonQueryAsync();
        }

        var result = await CliProcess.RunAsync("history", "--db", old);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches($"^energytap: error: {System.Text.RegularExpressions.Regex.Escape(old)} has schema version 0, this EnergyTap needs [0-9]+; start `energytap serve` once to upgrade it$",
            result.StdErr.Trim());
        Assert.Single(result.StdErr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_missing_database_is_one_line_and_is_not_created()
    {
        var missing = Path.Combine(_folder, "nope", "energytap.db");

        var result = await CliProcess.RunAsync("history", "--db", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"energytap: error: no history database at {missing} (the service creates it; pass --db to use another file)", result.StdErr.Trim());
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task A_bad_postgres_connection_string_is_one_line()
    {
        var result = await CliProcess.RunAsync("history", "--postgres", "Host=127.0.0.1;Port=notaport");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("energytap: error: invalid PostgreSQL connection string", result.StdErr);
        Assert.Single(result.StdErr.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--from", "yesterday-ish")]
    [InlineData("--from", "-1h", "--to", "-2h")]
    [InlineData("--postgres", "Host=127.0.0.1")]
    [InlineData("--list", "--latest")]
    public async Task Contradictory_or_malformed_arguments_are_usage_errors(params string[] args)
    {
        var result = await History(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task Latest_shows_the_newest_reading_per_series()
    {
        var result = await History("--latest", "--json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonDocument.Parse(result.StdOut).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(100, rows[0].GetProperty("value").GetDouble());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
