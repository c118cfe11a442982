using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var config = ConfigCommands.ConfigOption();
        var verbose = new Option<bool>("--verbose") { Description = "Log every poll and request, not only warnings and errors." };
        var serve = new Command("serve", "Run the monitoring service from the configuration file: polling, history, /metrics, MQTT, REST API, dashboard and safe battery control.")
        {
            config,
            verbose,
        };
        serve.SetAction(async (parse, stop) =>
        {
            var settings = ConfigFile.Load(parse.GetValue(config));
            using var logging = ConsoleLogging.Create(parse.GetValue(verbose) ? LogLevel.Debug : LogLevel.Warning);
            return await ServiceRunner.RunAsync(settings, new ComposeOptions { LoggerFactory = logging, RevertStorePath = StateDirectory.AgateCommands(), PvsSharedCacheDirectory = StateDirectory.Pvs }, service =>
            {
                Console.WriteLine($"EnergyTap is serving {settings.Sites.Count} site(s)");
                Console.WriteLine($"  dashboard  {service.Url}");
                Console.WriteLine($"  metrics    {service.Url}metrics");
                Console.WriteLine($"  API        {service.Url}api/sites");
                if (service.Runtime.Ownership.InstanceId is { } instance)
                {
                    Console.WriteLine($"  fleet      instance {instance}, sharing sites through PostgreSQL leases ({service.Url}api/fleet)");
                }

                if (service.ProxyUrl is { } proxy)
                {
                    Console.WriteLine($"  PVS proxy  {proxy} (point other PVS tools here; stats at {proxy}energytap/stats)");
                }

                Console.WriteLine(string.IsNullOrEmpty(settings.Server.ControlToken)
                    ? "  control    disabled (set server.controlToken to allow battery commands)"
                    : "  control    enabled (bearer token from server.controlToken)");
                Console.WriteLine("Press Ctrl-C to stop.");
            }, stop);
        });
        return serve;
    }
}
