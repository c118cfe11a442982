using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class ModbusCommands
{
    public static Command Create() => new("modbus", "Read and write raw Modbus registers.") { Hidden = true };
}
