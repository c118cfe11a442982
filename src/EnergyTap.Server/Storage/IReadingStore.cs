using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Storage;

/// <summary>
/// Where readings are kept: raw readings for a few days, 5-minute and hourly roll-ups for longer.
/// Implemented for SQLite (<see cref="Sqlite.SqliteReadingStore"/>) and PostgreSQL
/// (<see cref="Postgres.PostgresReadingStore"/>) with the same schema and the same behaviour.
/// </summary>
public interface IReadingStore : IAsyncDisposable
{
    /// <summary>
    /// Writes one batch in one transaction. Idempotent: a reading whose (site, device, quantity, time) is already
    /// stored is skipped, so a batch may be retried after a failure without duplicating rows.
    /// Times are stored in UTC with millisecond precision.
    /// </summary>
    Task WriteAsync(IReadOnlyCollection<Reading> batch, CancellationToken cancellationToken = default);

    /// <summary>Rows of one resolution in [From, To), ordered by time, then site, device and quantity.</summary>
    Task<IReadOnlyList<HistoryRow>> QueryAsync(HistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>The most recent raw reading of every series that matches the filter.</summary>
    Task<IReadOnlyList<Reading>> LatestAsync(SeriesFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Every stored series with its first and last time and how many raw readings are kept.</summary>
    Task<IReadOnlyList<SeriesSummary>> ListSeriesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Computes roll-ups for completed buckets and deletes rows past their retention. Safe to re-run at any time,
    /// also after a crash in the middle: each step is one transaction and roll-ups are upserts.
    /// </summary>
    Task<MaintenanceReport> RunMaintenanceAsync(CancellationToken cancellationToken = default);
}
