namespace EnergyTap.Server.Storage.Maintenance;

/// <summary>
/// The summary of one series over one bucket. Average, minimum and maximum cover the non-null values only and
/// <see cref="Count"/> says how many there were; <see cref="Last"/> is the latest non-null value. A bucket with only
/// missing readings has Count 0 and null values, so gaps stay visible.
/// </summary>
public sealed record RollupBucket(
    string Site,
    string Device,
    string Quantity,
    string Unit,
    DateTimeOffset Start,
    double? Avg,
    double? Min,
    double? Max,
    long Count,
    double? Last);
