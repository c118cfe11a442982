namespace EnergyTap.Cli.Tests;

/// <summary>
/// ENERGYTAP_STATE_DIR for every child process of this test run (a test may name its own): the PVS politeness
/// shared between processes lives there, so runs never see each other's (or the user's) cached DeviceLists.
/// </summary>
internal static class TestStateDirectory
{
    public const string Variable = "ENERGYTAP_STATE_DIR";

    private static readonly Lazy<string> Shared = new(() => Directory.CreateTempSubdirectory("energytap-cli-tests-state-").FullName);

    public static string Path => Shared.Value;
}
