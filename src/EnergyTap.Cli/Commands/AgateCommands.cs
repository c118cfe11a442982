using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class AgateCommands
{
    public static Command Create() => new("agate", "FranklinWH aGate over Modbus TCP: status, safe battery commands, health.") { Hidden = true };
}
