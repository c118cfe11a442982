using System.Diagnostics;

namespace EnergyTap.Cli.Tests;

/// <summary>Runs the real `energytap` program, as a user would, and captures what it prints.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    private static string EntryAssembly => Path.Combine(AppContext.BaseDirectory, "energytap.dll");

    public static async Task<Result> RunAsync(params string[] args) => await RunAsync(TimeSpan.FromSeconds(60), args);

    public static Task<Result> RunAsync(TimeSpan timeout, params string[] args) => RunAsync(new Dictionary<string, string?>(), timeout, args);

    /// <summary>
    /// How every test starts energytap: the built entry assembly, redirected streams, no colour, the test run's own
    /// state directory, and <paramref name="environment"/> on top (a null value removes the variable).
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EntryAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment[TestStateDirectory.Variable] = TestStateDirectory.Path;
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    /// <summary>Runs with extra environment variables (a null value removes the variable from the child's environment).</summary>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args)
    {
        var start = StartInfo(args, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start energytap");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"energytap {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
