using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class HistoryCommand
{
    public static Command Create() => new("history", "Read stored history back as CSV or JSON.") { Hidden = true };
}
