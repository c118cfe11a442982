using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class ProxyCommand
{
    public static Command Create() => new("proxy", "A polite caching proxy for a PVS (replaces the haproxy bridge).") { Hidden = true };
}
