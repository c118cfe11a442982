namespace EnergyTap.Server.Storage;

/// <summary>What one maintenance run did.</summary>
public sealed record MaintenanceReport(
    int FiveMinuteBucketsWritten,
    int HourlyBucketsWritten,
    long RawRowsDeleted,
    long FiveMinuteRowsDeleted,
    long HourlyRowsDeleted);
