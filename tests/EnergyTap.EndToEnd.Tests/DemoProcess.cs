using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace EnergyTap.EndToEnd.Tests;

/// <summary>`energytap demo --port 0` as a user runs it, with what its banner announces.</summary>
public sealed partial class DemoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly string _stateDirectory;

    private DemoProcess(Process process, string stateDirectory) => (_process, _stateDirectory) = (process, stateDirectory);

    public Uri Dashboard { get; private set; } = null!;
    public string ControlToken { get; private set; } = "";
    public IPEndPoint Agate { get; private set; } = null!;
    public string Output { get { lock (_output) { return string.Join('\n', _output); } } }

    /// <summary>The command record the demo shares with the CLI (ENERGYTAP_STATE_DIR), kept out of the user's home.</summary>
    public string StateDirectory => _stateDirectory;

    public static async Task<DemoProcess> StartAsync(params string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "energytap.dll"));
        start.ArgumentList.Add("demo");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        foreach (var argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        // The demo keeps its command record and its PVS politeness (DeviceList answers) in a state directory of its own,
        // so a simulator reusing a port of an earlier run never meets that run's state.
        var state = Directory.CreateTempSubdirectory("energytap-demo-state-").FullName;
        start.Environment["ENERGYTAP_STATE_DIR"] = state;
        var demo = new DemoProcess(Process.Start(start)!, state);
        demo._process.ErrorDataReceived += (_, e) => demo.Collect(e.Data);
        demo._process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await demo._process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            demo.Collect(line);
            if (Banner().Match(line) is { Success: true } m)
            {
                switch (m.Groups[1].Value)
                {
                    case "dashboard": demo.Dashboard = new Uri(m.Groups[2].Value); break;
                    case "control token": demo.ControlToken = m.Groups[2].Value; break;
                    case "simulators": demo.Agate = IPEndPoint.Parse(AgateAddress().Match(line).Groups[1].Value); break;
                }
            }

            if (line.StartsWith("Press Ctrl-C", StringComparison.Ordinal))
            {
                _ = Task.Run(async () => { while (await demo._process.StandardOutput.ReadLineAsync() is { } more) { demo.Collect(more); } });
                return demo;
            }
        }

        throw new InvalidOperationException($"the demo did not start:\n{demo.Output}");
    }

    /// <summary>
    /// Stops it as systemd or Ctrl-C would and returns its exit code. SIGTERM rather than SIGINT,
    /// because a test runner started from a background shell job inherits an ignored SIGINT.
    /// </summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_stateDirectory, recursive: true);
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (_output) { _output.Add(line); }
        }
    }

    [GeneratedRegex(@"^\s+(dashboard|control token|simulators)\s+(\S+)")]
    private static partial Regex Banner();

    [GeneratedRegex(@"aGate modbus://(\S+)")]
    private static partial Regex AgateAddress();
}
