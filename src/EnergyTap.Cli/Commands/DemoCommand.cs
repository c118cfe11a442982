using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create() => new("demo", "Run the whole system on simulated devices (aGate, both PVS generations, cloud) with the dashboard.") { Hidden = true };
}
