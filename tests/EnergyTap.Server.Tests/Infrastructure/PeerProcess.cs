using System.Collections.Concurrent;
using System.Diagnostics;

namespace EnergyTap.Server.Tests.Infrastructure;

/// <summary>
/// A real peer program (mosquitto, prometheus, promtool…) run by a test: output is collected line by line,
/// and disposing kills it. A missing program is a clear test failure, never a silent pass.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private PeerProcess(Process process, Action<string>? onLine)
    {
        _process = process;
        DataReceivedEventHandler handler = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            _lines.Enqueue(e.Data);
            onLine?.Invoke(e.Data);
        };
        _process.OutputDataReceived += handler;
        _process.ErrorDataReceived += handler;
    }

    /// <summary>Everything the program printed so far (stdout and stderr interleaved).</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>True once the program ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Full path of <paramref name="tool"/>, or a failure naming the Debian package to install.</summary>
    public static string Locate(string tool, string debianPackage)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin", "/usr/local/bin"]);
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{tool}' is not installed: install the Debian package '{debianPackage}' (./test.sh does this).");
        return string.Empty;
    }

    /// <summary>
    /// Starts <paramref name="tool"/> with <paramref name="arguments"/>. <paramref name="lineBuffered"/> runs it under
    /// stdbuf so a C program's stdout reaches us line by line instead of in 4 KiB blocks.
    /// </summary>
    public static PeerProcess Start(
        string tool, string debianPackage, IEnumerable<string> arguments, Action<string>? onLine = null, bool lineBuffered = false)
    {
        var path = Locate(tool, debianPackage);
        if (lineBuffered)
        {
            arguments = ["-oL", path, .. arguments];
            path = Locate("stdbuf", "coreutils");
        }

        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var peer = new PeerProcess(process, onLine);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>Runs <paramref name="tool"/> to completion (bounded), feeding <paramref name="input"/> to stdin.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string tool, string debianPackage, IEnumerable<string> arguments, string? input = null, TimeSpan? timeout = null)
    {
        await using var peer = Start(tool, debianPackage, arguments);
        if (input is not null)
        {
            await peer._process.StandardInput.WriteAsync(input);
        }

        peer._process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await peer._process.WaitForExitAsync(cts.Token);
        return (peer._process.ExitCode, string.Join('\n', peer.Lines));
    }

    /// <summary>Kills the program (no clean shutdown: tests also use this to crash a broker).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }
}
