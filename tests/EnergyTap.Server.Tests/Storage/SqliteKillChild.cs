using System.Globalization;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage.Ingest;
using EnergyTap.Server.Storage.Sqlite;

namespace EnergyTap.Server.Tests.Storage;

/// <summary>
/// The child of the kill test: writes readings 0, 1, 2... (one per millisecond of synthetic time) through a real
/// <see cref="ReadingWriter"/> as fast as it can, and every 50 ms prints how many it has handed over, until killed.
/// </summary>
internal static class SqliteKillChild
{
    public const string Mode = "sqlite-kill-writer";
    public const string PathVariable = "ENERGYTAP_TEST_DB";
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Reading ReadingNumber(long n) =>
        new("site", "meter", "grid_power", n, "W", Start.AddMilliseconds(n));

    public static int Run(string path) => RunAsync(path).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string path)
    {
        var store = await SqliteReadingStore.OpenAsync(path);
        var writer = new ReadingWriter(store, new ReadingWriterOptions { MaxBatchSize = 500 });
        var next = Environment.TickCount64;
        for (long n = 0; ; n++)
        {
            await writer.Input.WriteAsync(ReadingNumber(n));
            if (n % 20 == 0)
            {
                // Pace the producer a little so the test sees a steady stream rather than one burst.
                await Task.Delay(1);
            }

            if (Environment.TickCount64 >= next)
            {
                Console.Out.WriteLine((n + 1).ToString(CultureInfo.InvariantCulture));
                Console.Out.Flush();
                next += 50;
            }
        }
    }
}
