using System.Diagnostics;
using System.Text;

namespace EnergyTap.Cli.Tests;

/// <summary>
/// A running `energytap` that a test can signal or kill (CliProcess waits for the exit instead).
/// Both output streams are drained continuously so the child never blocks on a full pipe.
/// </summary>
internal sealed class EnergyTapChild : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EnergyTapChild(Process process) => this.process = process;

    public string StdOut
    {
        get { lock (stdout) { return stdout.ToString(); } }
    }

    public string StdErr
    {
        get { lock (stderr) { return stderr.ToString(); } }
    }

    public static EnergyTapChild Start(string[] args) => Start(args, new Dictionary<string, string?>());

    /// <summary>Starts with extra environment variables (a null value removes the variable).</summary>
    public static EnergyTapChild Start(string[] args, IReadOnlyDictionary<string, string?> environment)
    {
        var start = CliProcess.StartInfo(args, environment);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new EnergyTapChild(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child.stdout) { child.stdout.AppendLine(e.Data); }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child.stderr) { child.stderr.AppendLine(e.Data); }
            }
        };
        process.Exited += (_, _) => child.exited.TrySetResult();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until stderr holds a line containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForErrorAsync(string text)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var line = StdErr.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line.TrimEnd('\r');
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited, $"energytap never said '{text}' on stderr; output: {StdOut} errors: {StdErr}");
            await Task.Delay(50);
        }
    }

    public async Task<string> WaitForLineAsync(string prefix)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var line = StdOut.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited, $"energytap never printed '{prefix}'; output: {StdOut} errors: {StdErr}");
            await Task.Delay(50);
        }
    }

    /// <summary>The URL serve prints after a label, e.g. "  dashboard  http://127.0.0.1:41234/".</summary>
    public async Task<Uri> WaitForUrlAsync(string label)
    {
        var line = await WaitForLineAsync($"  {label} ");
        return new Uri(line[(label.Length + 2)..].Trim().Split(' ')[0]);
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends a signal with kill(1) and waits for the exit code.</summary>
    public async Task<int> SignalAndWaitAsync(string signal)
    {
        using (var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
        process.WaitForExit();     // flushes the redirected output
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        process.Dispose();
    }
}
