using System.Diagnostics;

namespace EnergyTap.Server.Tests.Storage;

/// <summary>Starts this test assembly as a separate process in a given mode (see <see cref="StartupHook"/>).</summary>
internal static class ChildProcessMode
{
    public const string Variable = "ENERGYTAP_TEST_CHILD_MODE";

    public static int Run(string mode) => mode switch
    {
        SqliteKillChild.Mode => SqliteKillChild.Run(Environment.GetEnvironmentVariable(SqliteKillChild.PathVariable)!),
        _ => 64,
    };

    public static Process Start(string mode, IReadOnlyDictionary<string, string> environment)
    {
        var folder = AppContext.BaseDirectory;
        var testAssembly = Path.Combine(folder, "EnergyTap.Server.Tests.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "exec",
                     "--runtimeconfig", Path.Combine(folder, "EnergyTap.Server.Tests.runtimeconfig.json"),
                     "--depsfile", Path.Combine(folder, "EnergyTap.Server.Tests.deps.json"),
                     Path.Combine(folder, "testhost.dll"),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_STARTUP_HOOKS"] = testAssembly;
        start.Environment[Variable] = mode;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
    }
}
