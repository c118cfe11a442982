using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class ConformanceCommand
{
    public static Command Create() => new("conformance", "Run the SunSpec control diagnostics against a device and report what works.") { Hidden = true };
}
