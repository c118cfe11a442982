using System.CommandLine;
using EnergyTap.Cli.Commands.Pvs;

namespace EnergyTap.Cli.Commands;

internal static class PvsCommands
{
    public static Command Create() => new("pvs",
        "SunPower PVS5/PVS6 supervisors, legacy dl_cgi and 2025+ LocalAPI (varserver) firmware alike. Give --host; "
        + "LocalAPI firmware logs in with the serial (read from the PVS when it tells, else --serial). Requests are polite: "
        + "one at a time, cached to the PVS's refresh cadence, backing off when it answers 503.")
    {
        PvsReadCommands.Info(),
        PvsReadCommands.Devices(),
        PvsReadCommands.Meters(),
        PvsReadCommands.Inverters(),
        PvsReadCommands.Ess(),
        PvsReadCommands.LiveData(),
        PvsSiteCommands.Comm(),
        PvsSiteCommands.Firmware(),
        PvsSiteCommands.GridProfiles(),
        PvsSiteCommands.Wifi(),
        PvsSiteCommands.Watch(),
    };
}
