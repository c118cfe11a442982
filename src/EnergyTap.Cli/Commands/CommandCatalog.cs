using System.CommandLine;

namespace EnergyTap.Cli.Commands;

/// <summary>Every top-level command, in the order `energytap --help` lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        DemoCommand.Create(),
        ServeCommand.Create(),
        ConfigCommands.Create(),
        HistoryCommand.Create(),
        AgateCommands.Create(),
        ManageCommands.Create(),
        SequenceCommands.Create(),
        ConformanceCommand.Create(),
        PvsCommands.Create(),
        ProxyCommand.Create(),
        CloudCommands.Create(),
        SunSpecCommands.Create(),
        ModbusCommands.Create(),
        SimulateCommands.Create(),
    ];
}
