using System.Text.Json;

namespace EnergyTap.FranklinWH.Agate.Revert;

/// <summary>
/// Where EnergyTap remembers the commands it left on batteries and when each must be released, so
/// that any later EnergyTap process (another CLI run, the service) releases a command whose owner was
/// killed. One small JSON file, replaced atomically (temp file + fsync + rename) under an exclusive
/// lock file so concurrent processes never see half a document or lose each other's updates.
/// </summary>
public sealed class RevertStore
{
    private const string FileName = "agate-commands.json";

    // How long to wait for another process holding the lock. Lock contention is an OS resource, not
    // simulated time, so this uses the real clock on purpose.
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    public RevertStore(string? path = null)
    {
        Path = path ?? DefaultPath();
    }

    /// <summary>The state file this store reads and writes.</summary>
    public string Path { get; }

    /// <summary>
    /// $XDG_STATE_HOME/energytap/agate-commands.json, else ~/.local/state/energytap/… on Unix and
    /// %LOCALAPPDATA%\EnergyTap\… on Windows.
    /// </summary>
    public static string DefaultPath()
    {
        if (OperatingSystem.IsWindows())
        {
            return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "EnergyTap", FileName);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state")
            : xdg;
        return System.IO.Path.Combine(root, "energytap", FileName);
    }

    public async Task<ActiveCommandRecord?> GetAsync(string device, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(cancellationToken);
        return all.FirstOrDefault(r => r.Device == device);
    }

    public async Task<IReadOnlyList<ActiveCommandRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var held = await AcquireLockAsync(cancellationToken);
        return await ReadUnlockedAsync(cancellationToken);
    }

    /// <summary>Records (or replaces) the active command for its device.</summary>
    public Task SaveAsync(ActiveCommandRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpdateAsync(list => [.. list.Where(r => r.Device != record.Device), record], cancellationToken);
    }

    /// <summary>Forgets the device's command (after it was released).</summary>
    public Task RemoveAsync(string device, CancellationToken cancellationToken = default) =>
        UpdateAsync(list => [.. list.Where(r => r.Device != device)], cancellationToken);

    private async Task UpdateAsync(Func<IReadOnlyList<ActiveCommandRecord>, List<ActiveCommandRecord>> change, CancellationToken cancellationToken)
    {
        using var held = await AcquireLockAsync(cancellationToken);
        var updated = change(await ReadUnlockedAsync(cancellationToken));
        await AtomicJsonFile.WriteAsync(Path, new RevertStateDocument(1, updated), RevertJsonContext.Default.RevertStateDocument, cancellationToken);
    }

    private async Task<IReadOnlyList<ActiveCommandRecord>> ReadUnlockedAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        try
        {
            await using var stream = File.OpenRead(Path);
            var document = await JsonSerializer.DeserializeAsync(stream, RevertJsonContext.Default.RevertStateDocument, cancellationToken);
            return document?.Commands ?? [];
        }
        catch (JsonException ex)
        {
            throw new CommandStateCorruptException(Path, ex.Message, ex);
        }
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(directory);
        var lockPath = Path + ".lock";
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix, a share lock on Windows.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (TimeProvider.System.GetElapsedTime(started) < LockTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken);
            }
            catch (IOException ex)
            {
                throw new AgateException($"the command state file {Path} stayed locked by another EnergyTap process for {LockTimeout.TotalSeconds:0} s", ex);
            }
        }
    }
}
