using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class PvsCommands
{
    public static Command Create() => new("pvs", "SunPower PVS5/PVS6 supervisors (legacy dl_cgi and LocalAPI varserver).") { Hidden = true };
}
