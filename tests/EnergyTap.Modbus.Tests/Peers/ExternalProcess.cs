using System.Diagnostics;

namespace EnergyTap.Modbus.Tests.Peers;

/// <summary>Finds and runs the real Modbus peers installed from Debian packages; fails clearly when one is missing.</summary>
internal static class ExternalProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string All => StdOut + StdErr;
    }

    public static string Require(string program, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException($"{program} is not installed; install the Debian package {package} (./test.sh does)");
    }

    /// <summary>A python3 that can import pymodbus: Debian's python3-pymodbus lives in /usr/bin/python3's dist-packages.</summary>
    public static string RequirePythonWithPymodbus() => PythonWithPymodbus.Value;

    private static readonly Lazy<string> PythonWithPymodbus = new(FindPythonWithPymodbus);

    private static string FindPythonWithPymodbus()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var check = RunAsync(candidate, ["-c", "import pymodbus"], TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
                if (check.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not this interpreter.
            }
        }

        throw new InvalidOperationException("no python3 can import pymodbus; install the Debian package python3-pymodbus (./test.sh does)");
    }

    public static async Task<Result> RunAsync(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
