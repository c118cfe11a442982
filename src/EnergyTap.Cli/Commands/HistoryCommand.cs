using System.CommandLine;
using EnergyTap.Cli.Commands.History;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Server.Storage;
using EnergyTap.Server.Storage.Postgres;
using EnergyTap.Server.Storage.Sqlite;

namespace EnergyTap.Cli.Commands;

/// <summary>
/// `energytap history`: reads stored readings back. Strictly read-only: it never creates a database, never
/// migrates one, and opens PostgreSQL in a read-only session.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db")
        {
            Description = $"SQLite history database to read (default: {StoragePaths.DefaultDatabasePath}, i.e. $XDG_DATA_HOME/energytap/energytap.db or ~/.local/share/energytap/energytap.db).",
        };
        var postgres = new Option<string>("--postgres")
        {
            Description = "Read from PostgreSQL instead, e.g. \"Host=127.0.0.1;Database=energytap;Username=energytap\".",
        };
        var site = new Option<string>("--site") { Description = "Only this site." };
        var device = new Option<string>("--device") { Description = "Only this device." };
        var quantity = new Option<string>("--quantity") { Description = "Only this quantity, e.g. battery_power or battery_soc." };
        var from = new Option<string>("--from")
        {
            Description = "Start (inclusive): an ISO 8601 time (UTC unless it has an offset) or relative: -90s, -30m, -24h, -7d, -2w.",
            DefaultValueFactory = _ => "-24h",
        };
        var to = new Option<string>("--to") { Description = "End (exclusive), same forms as --from.", DefaultValueFactory = _ => "now" };
        var resolution = new Option<string>("--resolution")
        {
            Description = "raw (every reading, kept 7 days), 5m or 1h (roll-ups of completed buckets: avg/min/max/count/last), " +
                          "or auto: raw up to 6 h, 5m up to 7 days, 1h beyond.",
            DefaultValueFactory = _ => "auto",
        };
        resolution.AcceptOnlyFromAmong([.. HistoryText.ResolutionNames]);
        var format = new Option<string>("--format") { Description = "csv, json or table.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "table");
        var json = CommonOptions.Json();
        var limit = new Option<int>("--limit") { Description = "At most this many rows, the earliest first.", DefaultValueFactory = _ => HistoryQuery.DefaultLimit };
        var list = new Option<bool>("--list") { Description = "List the stored series (site/device/quantity, first and last time, raw count) instead." };
        var latest = new Option<bool>("--latest") { Description = "Show the newest reading of each series instead." };

        var command = new Command("history", "Read stored history (readings and roll-ups) back as CSV, JSON or a table.")
        {
            db, postgres, site, device, quantity, from, to, resolution, format, json, limit, list, latest,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outputFormat = parse.GetValue(json) ? OutputFormat.Json : Enum.Parse<OutputFormat>(parse.GetValue(format)!, ignoreCase: true);
            if (parse.GetValue(json) && parse.GetResult(format) is { Implicit: false } && outputFormat != OutputFormat.Json)
            {
                throw new UsageException("--json and --format disagree; use one of them");
            }

            if (parse.GetValue(list) && parse.GetValue(latest))
            {
                throw new UsageException("--list and --latest are separate views; use one of them");
            }

            var filter = new SeriesFilter(parse.GetValue(site), parse.GetValue(device), parse.GetValue(quantity));
            await using var store = await OpenAsync(parse.GetValue(db), parse.GetValue(postgres), cancellationToken);
            if (parse.GetValue(list))
            {
                var series = await store.ListSeriesAsync(cancellationToken);
                var matching = series.Where(s => Matches(filter, s.Site, s.Device, s.Quantity)).ToList();
                TabularOutput.Write(matching, HistoryColumns.Series, outputFormat);
                return 0;
            }

            if (parse.GetValue(latest))
            {
                TabularOutput.Write(await store.LatestAsync(filter, cancellationToken), HistoryColumns.Latest, outputFormat);
                return 0;
            }

            var query = BuildQuery(parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(resolution)!, parse.GetValue(limit), filter);
            var rows = await store.QueryAsync(query, cancellationToken);
            TabularOutput.Write(rows, query.EffectiveResolution == HistoryResolution.Raw ? HistoryColumns.Raw : HistoryColumns.Rollup, outputFormat);
            return 0;
        });
        return command;
    }

    private static HistoryQuery BuildQuery(string fromText, string toText, string resolution, int limit, SeriesFilter filter)
    {
        var now = DateTimeOffset.UtcNow;
        var from = TimeArgument.Parse(fromText, "--from", now);
        var to = TimeArgument.Parse(toText, "--to", now);
        if (from >= to)
        {
            throw new UsageException($"--from ({from:u}) must be before --to ({to:u})");
        }

        if (limit <= 0)
        {
            throw new UsageException("--limit must be at least 1");
        }

        return new HistoryQuery(from, to)
        {
            Filter = filter,
            Limit = limit,
            Resolution = HistoryText.TryParseResolution(resolution, out var chosen) ? chosen : HistoryResolution.Auto,
        };
    }

    internal static async Task<IReadingStore> OpenAsync(string? db, string? postgres, CancellationToken cancellationToken)
    {
        try
        {
            return await OpenStoreAsync(db, postgres, cancellationToken);
        }
        catch (StoreSchemaOutdatedException ex)
        {
            // The store says the schema is old and that the service upgrades it; the command that runs the service is ours to name.
            throw new StorageException($"{ex.Where} has schema version {ex.Version}, this EnergyTap needs {ex.Needed}; start `energytap serve` once to upgrade it", ex);
        }
    }

    private static async Task<IReadingStore> OpenStoreAsync(string? db, string? postgres, CancellationToken cancellationToken)
    {
        if (db is not null && postgres is not null)
        {
            throw new UsageException("--db and --postgres both name a database; use one of them");
        }

        if (postgres is not null)
        {
            return await PostgresReadingStore.OpenReadOnlyAsync(postgres, cancellationToken: cancellationToken);
        }

        try
        {
            return await SqliteReadingStore.OpenReadOnlyAsync(db ?? StoragePaths.DefaultDatabasePath, cancellationToken: cancellationToken);
        }
        catch (StoreNotFoundException ex) when (ex.Path is { } missing)
        {
            // The store says the file is missing; which flag names another file is ours to say.
            throw new StoreNotFoundException($"no history database at {missing} (the service creates it; pass --db to use another file)", ex) { Path = missing };
        }
    }

    private static bool Matches(SeriesFilter filter, string site, string device, string quantity) =>
        (filter.Site is null || filter.Site == site) && (filter.Device is null || filter.Device == device) &&
        (filter.Quantity is null || filter.Quantity == quantity);
}
