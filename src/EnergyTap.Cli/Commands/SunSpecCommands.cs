using System.CommandLine;
using EnergyTap.Cli.Commands.SunSpec;

namespace EnergyTap.Cli.Commands;

internal static class SunSpecCommands
{
    public static Command Create() => new("sunspec", "Scan, read and write SunSpec devices (Modbus TCP) by point name.")
    {
        ScanCommand.Create(),
        ReadCommand.Create(),
        WriteCommand.Create(),
    };
}
