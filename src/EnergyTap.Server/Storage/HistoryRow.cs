using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Storage;

/// <summary>
/// One row of history. For raw rows <see cref="Value"/>, <see cref="Min"/>, <see cref="Max"/> and <see cref="Last"/>
/// are the reading's value and <see cref="Quality"/> is set; for roll-ups <see cref="Time"/> is the bucket start,
/// <see cref="Value"/> the average of the non-null values, <see cref="Count"/> how many there were, and
/// <see cref="Last"/> the latest non-null value in the bucket.
/// </summary>
public sealed record HistoryRow(
    string Site,
    string Device,
    string Quantity,
    string Unit,
    DateTimeOffset Time,
    HistoryResolution Resolution,
    double? Value,
    double? Min,
    double? Max,
    long Count,
    double? Last,
    ReadingQuality? Quality);
