using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Server.Storage;

/// <summary>Settings shared by every <see cref="IReadingStore"/>.</summary>
public sealed record ReadingStoreOptions
{
    public static readonly ReadingStoreOptions Default = new();

    public RetentionPolicy Retention { get; init; } = RetentionPolicy.Default;

    /// <summary>The clock maintenance uses to decide which buckets are complete and which rows expired.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// A bucket is rolled up only this long after it ended, so readings still in a writer's batch make it in.
    /// Readings that arrive later than this for an already rolled-up bucket stay raw-only.
    /// </summary>
    public TimeSpan RollupDelay { get; init; } = TimeSpan.FromMinutes(1);

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
