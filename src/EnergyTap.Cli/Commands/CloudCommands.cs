using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class CloudCommands
{
    public static Command Create() => new("cloud", "FranklinWH cloud: stats, generator, smart circuits, modes, reserve, V2L.") { Hidden = true };
}
