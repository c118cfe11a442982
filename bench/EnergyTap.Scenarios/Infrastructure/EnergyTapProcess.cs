using System.Collections.Concurrent;
using System.Diagnostics;

namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>
/// The real `energytap` (the Release energytap.dll) in its own process, measured from outside:
/// its output is kept for diagnostics, its CPU and memory are read from /proc.
/// </summary>
internal sealed class EnergyTapProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _newLine = new(0);
    private bool _disposed;

    private EnergyTapProcess(Process process)
    {
        _process = process;
        Sampler = new ProcessSampler(process.Id);
    }

    /// <summary>When the process was started (the zero of start-up times).</summary>
    public long StartedTimestamp { get; private init; }

    public ProcessSampler Sampler { get; }

    public int Id => _process.Id;

    public static EnergyTapProcess Start(IReadOnlyList<string> arguments, string stateDirectory)
    {
        if (!File.Exists(RepoPaths.EnergyTapDll))
        {
            throw new InvalidOperationException($"{RepoPaths.EnergyTapDll} is missing: build it first (./bench.sh does: dotnet build src/EnergyTap.Cli -c Release)");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = stateDirectory,
        };
        start.ArgumentList.Add(RepoPaths.EnergyTapDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the measured service away from the user's own state, config and tokens.
        start.Environment["ENERGYTAP_STATE_DIR"] = stateDirectory;
        start.Environment["ENERGYTAP_CONFIG_DIR"] = stateDirectory;
        start.Environment["HOME"] = stateDirectory;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var timestamp = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet energytap.dll");
        var started = new EnergyTapProcess(process) { StartedTimestamp = timestamp };
        process.OutputDataReceived += (_, e) => started.Add(e.Data);
        process.ErrorDataReceived += (_, e) => started.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Waits for an output line containing <paramref name="text"/>; fails with the output if the process exits or time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"energytap exited with code {_process.ExitCode} before printing '{text}':\n{Tail()}");
            }

            try
            {
                await _newLine.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"energytap did not print '{text}' within {timeout.TotalSeconds:0} s:\n{Tail()}");
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process printed.</summary>
    public string Tail(int lines = 30) => string.Join('\n', _lines.TakeLast(lines));

    /// <summary>Counts output lines containing <paramref name="text"/> (e.g. warnings about failed polls).</summary>
    public int CountLines(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Stops the process (idempotent, so a scenario may stop it early).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            // SIGTERM first: the service flushes its history and releases commands, as under systemd.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        _newLine.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > 2000 && _lines.TryDequeue(out _))
        {
        }

        _newLine.Release();
    }
}
