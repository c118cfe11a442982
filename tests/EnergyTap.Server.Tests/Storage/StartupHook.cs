#pragma warning disable CA1050 // The runtime looks for a type named exactly "StartupHook" in the global namespace.

using EnergyTap.Server.Tests.Storage;

/// <summary>
/// Entry point for child processes that tests start and kill (the test assembly has no Main of its own).
/// A test runs <c>dotnet exec testhost.dll</c> with DOTNET_STARTUP_HOOKS pointing at this assembly and
/// <see cref="ChildProcessMode.Variable"/> naming the mode; the runtime calls <see cref="Initialize"/> before
/// testhost's Main, and the mode never returns. Without the variable this does nothing.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(ChildProcessMode.Variable) is { Length: > 0 } mode)
        {
            Environment.Exit(ChildProcessMode.Run(mode));
        }
    }
}
