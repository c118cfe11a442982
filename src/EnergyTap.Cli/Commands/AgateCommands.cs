using System.CommandLine;
using EnergyTap.Cli.Commands.Agate;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Cli.Commands;

internal static class AgateCommands
{
    public static Command Create() => new("agate", "FranklinWH aGate over Modbus TCP: status, safe battery commands, health.")
    {
        StatusCommand.Create(),
        WatchCommand.Create(),
        BatteryCommandCommand.Create(BatteryCommandKind.Charge),
        BatteryCommandCommand.Create(BatteryCommandKind.Discharge),
        BatteryCommandCommand.Create(BatteryCommandKind.Idle),
        StopCommand.Create(),
        HealthCommand.Create(),
        PfCommand.Create(),
        ModeCommand.Create(),
    };
}
