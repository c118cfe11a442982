namespace EnergyTap.Server.Storage.Ingest;

/// <summary>How <see cref="ReadingWriter"/> batches.</summary>
public sealed record ReadingWriterOptions
{
    public static readonly ReadingWriterOptions Default = new();

    /// <summary>A batch is written as soon as it has this many readings.</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>
    /// The oldest reading of a batch is written at most this long after it arrived, so a killed process loses at most
    /// this much.
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait before retrying a batch the store refused (e.g. PostgreSQL restarting).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Readings waiting while the store is unavailable; beyond this the oldest are dropped (and counted).</summary>
    public int Capacity { get; init; } = 200_000;

    /// <summary>On dispose, how long to keep retrying what is still pending before giving up on it.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
