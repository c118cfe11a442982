using System.CommandLine;

namespace EnergyTap.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create() => new("serve", "Run the monitoring service: polling, history, /metrics, MQTT, REST API and dashboard.") { Hidden = true };
}
