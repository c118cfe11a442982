using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EnergyTap.FranklinWH.Agate;

/// <summary>
/// Replaces a small JSON state file atomically (temp file + fsync + rename), so a reader in another process
/// never sees half a document and a crash leaves the old one whole.
/// </summary>
internal static class AtomicJsonFile
{
    public static async Task WriteAsync<T>(string path, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, value, type, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
