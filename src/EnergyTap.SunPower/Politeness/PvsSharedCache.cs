using System.Globalization;
using System.Text;

namespace EnergyTap.SunPower.Politeness;

/// <summary>
/// Politeness across processes. Every EnergyTap process that talks to a PVS (each CLI command, the service)
/// has its own in-process gate and cache, so without this a user's shell history becomes the request storm the
/// PVS cannot take. A directory chosen by the host program holds, per PVS, small files: lock files held while a
/// request (or a DeviceList fetch) runs, and the last request's end, backoff and DeviceList answer for the next
/// process to honour or reuse.
/// <para>
/// Locks are operating-system file locks (flock on Linux), so a killed process never leaves one behind. If the
/// directory cannot be written, everything still works, only without the sharing.
/// </para>
/// </summary>
public sealed class PvsSharedCache
{
    // Waiting for another process: its progress is invisible to our clock, so this polls in real time.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    // Short overlaps (another process's one-second request) are not worth a line on the user's screen.
    private static readonly TimeSpan TellAfter = TimeSpan.FromMilliseconds(500);

    public PvsSharedCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    /// <summary>The file-name stem for one PVS: its dl_cgi address (scheme, host and port), in safe characters.</summary>
    public static string KeyOf(PvsEndpoint endpoint)
    {
        var text = endpoint.DlCgiBase.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        var safe = new StringBuilder(text.Length);
        foreach (var c in text.Replace("://", "_", StringComparison.Ordinal))
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        }

        return safe.ToString();
    }

    /// <summary>
    /// Takes the named lock for one PVS, waiting while another process (or another client in this one) holds it.
    /// <paramref name="waiting"/> is told once, in plain words, when the wait begins.
    /// </summary>
    public async Task<PvsSharedLock> LockAsync(string pvsKey, string name, TimeSpan maxWait, Action<string>? waiting, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, $"{pvsKey}.{name}.lock");
        var started = TimeProvider.System.GetTimestamp();
        var told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FileStream? held;
            try
            {
                System.IO.Directory.CreateDirectory(Directory);
                held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException ex) when (IsContention(ex))
            {
                held = null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new PvsSharedLock(this, pvsKey, null); // not writable: carry on without sharing
            }

            if (held is not null)
            {
                return new PvsSharedLock(this, pvsKey, held);
            }

            var waited = TimeProvider.System.GetElapsedTime(started);
            if (waited >= maxWait)
            {
                throw new PvsUnavailableException($"another EnergyTap process has been using this PVS for {waited.TotalSeconds:0} s; try again later");
            }

            if (!told && waited >= TellAfter)
            {
                told = true;
                waiting?.Invoke("waiting for another EnergyTap process that is reading this PVS…");
            }

            await Task.Delay(PollInterval, TimeProvider.System, cancellationToken);
        }
    }

    internal string? ReadText(string pvsKey, string name)
    {
        try
        {
            var path = Path.Combine(Directory, $"{pvsKey}.{name}");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes atomically (temporary file, then rename), so a reader never sees half a file.</summary>
    internal void WriteText(string pvsKey, string name, string text)
    {
        var path = Path.Combine(Directory, $"{pvsKey}.{name}");
        var temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Sharing is a courtesy; a full or read-only disk must not fail the read that just succeeded.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    // A lock held elsewhere: on Unix .NET's flock fails with EWOULDBLOCK (11 on Linux, 35 on macOS) as the HResult;
    // on Windows it is a sharing or lock violation (32, 33).
    private static bool IsContention(IOException ex) =>
        OperatingSystem.IsWindows() ? (ex.HResult & 0xFFFF) is 32 or 33 : ex.HResult is 11 or 35;
}

/// <summary>A held <see cref="PvsSharedCache"/> lock; files of that PVS are read and written while it is held.</summary>
public sealed class PvsSharedLock : IDisposable
{
    private readonly PvsSharedCache _cache;
    private readonly string _pvsKey;
    private FileStream? _file;

    internal PvsSharedLock(PvsSharedCache cache, string pvsKey, FileStream? file)
    {
        _cache = cache;
        _pvsKey = pvsKey;
        _file = file;
    }

    /// <summary>False when the directory was not writable and the lock is a no-op.</summary>
    public bool IsShared => _file is not null;

    public string? Read(string name) => IsShared ? _cache.ReadText(_pvsKey, name) : null;

    public void Write(string name, string text)
    {
        if (IsShared)
        {
            _cache.WriteText(_pvsKey, name, text);
        }
    }

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
    }
}
