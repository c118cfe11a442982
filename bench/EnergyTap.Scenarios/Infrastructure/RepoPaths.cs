namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>Where the repository, the built energytap.dll and the results folder are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Results => Path.Combine(Root, "bench", "results");

    /// <summary>The Release build of the CLI that ./bench.sh builds first.</summary>
    public static string EnergyTapDll =>
        Path.Combine(Root, "src", "EnergyTap.Cli", "bin", "Release", "net10.0", "energytap.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnergyTap.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (EnergyTap.slnx) above " + AppContext.BaseDirectory);
    }
}
