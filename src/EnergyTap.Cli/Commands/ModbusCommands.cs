using System.CommandLine;
using EnergyTap.Cli.Commands.Modbus;

namespace EnergyTap.Cli.Commands;

internal static class ModbusCommands
{
    public static Command Create() => new("modbus", "Read and write raw Modbus registers of any Modbus TCP device or RS-485 gateway.")
    {
        ModbusReadCommand.Create(),
        ModbusWriteCommand.Create(),
    };
}
