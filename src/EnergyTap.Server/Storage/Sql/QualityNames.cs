using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Storage.Sql;

/// <summary>Quality is stored as a lower-case word so the tables stay readable in sqlite3 and psql.</summary>
internal static class QualityNames
{
    public static string ToDb(ReadingQuality quality) => quality switch
    {
        ReadingQuality.Fresh => "fresh",
        ReadingQuality.Stale => "stale",
        ReadingQuality.Missing => "missing",
        ReadingQuality.Corrected => "corrected",
        _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, "unknown reading quality"),
    };

    public static ReadingQuality FromDb(string text) => text switch
    {
        "fresh" => ReadingQuality.Fresh,
        "stale" => ReadingQuality.Stale,
        "missing" => ReadingQuality.Missing,
        "corrected" => ReadingQuality.Corrected,
        _ => throw new StorageException($"unknown reading quality '{text}' in the database"),
    };
}
