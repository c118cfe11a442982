using System.CommandLine;
using System.Net;
using System.Security.Cryptography;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Server.Configuration;
using EnergyTap.Server.Hosting;
using EnergyTap.Simulators.Cloud;
using EnergyTap.Simulators.Demo;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port of the dashboard and API on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 8080 };
        var offGrid = new Option<bool>("--off-grid") { Description = "Start with the home in a grid outage: the aGate islands the home and the dashboard shows Grid: OUTAGE." };
        var mqtt = new Option<string?>("--mqtt") { Description = "Also publish to this MQTT broker, HOST:PORT (e.g. 127.0.0.1:1883), with Home Assistant discovery." };
        var demo = new Command("demo", "Run the whole system on simulated devices: an aGate, a PVS6 on LocalAPI firmware, a legacy PVS6 with SunVault and the FranklinWH cloud, with the service, history in a temporary folder, /metrics and the dashboard. Nothing leaves this machine.")
        {
            port,
            mqtt,
            offGrid,
        };
        demo.SetAction(async (parse, stop) =>
        {
            var portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                throw new UsageException($"--port {portNumber} is not a port (0–65535)");
            }

            var broker = ParseBroker(parse.GetValue(mqtt));
            var folder = Directory.CreateTempSubdirectory("energytap-demo-");
            try
            {
                Console.WriteLine("Starting simulators…");
                await using var home = await SimulatedHome.StartAsync(TimeSpan.FromSeconds(2), stop, parse.GetValue(offGrid));
                var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
                var config = Configure(home, portNumber, broker, token, folder.FullName);
                using var logging = ConsoleLogging.Create(LogLevel.Warning);
                // The CLI's own command record, not one in the temporary folder: `energytap agate status` and `agate health`
                // against the demo's aGate then see the dashboard's commands with their deadlines.
                var options = new ComposeOptions { LoggerFactory = logging, RevertStorePath = StateDirectory.AgateCommands(), PvsSharedCacheDirectory = StateDirectory.Pvs };
                return await ServiceRunner.RunAsync(config, options, service => Banner(service, home, token, folder.FullName, broker), stop);
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        });
        return demo;
    }

    private static EnergyTapConfig Configure(SimulatedHome home, int port, IPEndPoint? broker, string token, string folder) => new()
    {
        Server = new ServerConfig { Listen = $"127.0.0.1:{port}", ControlToken = token, MaxCommandMinutes = 60 },
        Storage = new StorageConfig { Path = Path.Combine(folder, "energytap.db") },
        Mqtt = broker is null ? new MqttConfig() : new MqttConfig { Enabled = true, Host = broker.Address.ToString(), Port = broker.Port },
        Sites =
        [
            new SiteConfig
            {
                Id = "home",
                Name = "Home",
                Pvs = [new PvsConfig { Id = "pvs6", Address = home.PvsVarserver.ToString(), Serial = home.PvsVarserverSerial, LiveSeconds = 10 }],
                Agates = [new AgateConfig { Id = "agate", Host = home.Agate.Address.ToString(), Port = home.Agate.Port, PollSeconds = 5 }],
                Cloud = [new CloudConfig { Id = "cloud", BaseUrl = home.Cloud.ToString(), Email = home.CloudEmail, Password = home.CloudPassword, GatewayId = home.CloudGatewayId }],
            },
            new SiteConfig
            {
                Id = "cabin",
                Name = "Cabin",
                Pvs = [new PvsConfig { Id = "pvs-legacy", Address = home.PvsLegacy.ToString() }],
            },
        ],
    };

    private static void Banner(EnergyTapService service, SimulatedHome home, string token, string folder, IPEndPoint? broker)
    {
        Console.WriteLine();
        Console.WriteLine("EnergyTap demo: simulated devices, the real service.");
        Console.WriteLine($"  dashboard      {service.Url}");
        Console.WriteLine($"  metrics        {service.Url}metrics");
        Console.WriteLine($"  API            {service.Url}api/sites   (also /api/readings, /api/health, /api/sites/home/flow)");
        Console.WriteLine($"  control token  {token}   (paste into the dashboard, or send as 'Authorization: Bearer …')");
        Console.WriteLine($"  CLI            export {Commands.Agate.ServerRoute.TokenVariable}={token}");
        Console.WriteLine($"                 energytap agate charge 2000 --revert 300 --server {service.Url}   (then: energytap agate stop --server {service.Url})");
        Console.WriteLine($"  simulators     aGate modbus://{home.Agate}  PVS6 LocalAPI {home.PvsVarserver}  PVS6 legacy {home.PvsLegacy}");
        Console.WriteLine($"  cloud          {home.Cloud} (config key baseUrl), account {home.CloudEmail} / {home.CloudPassword}");
        Console.WriteLine($"                 gateways {string.Join(", ", SimulatedAccount.Demo.Gateways.Select(g => g.Id))} (Home polls {home.CloudGatewayId})");
        Console.WriteLine($"  history        {Path.Combine(folder, "energytap.db")} (deleted on exit)");
        if (broker is not null)
        {
            Console.WriteLine($"  MQTT           {broker} (topics energytap/#, discovery homeassistant/#)");
        }

        Console.WriteLine("Press Ctrl-C to stop.");
    }

    private static IPEndPoint? ParseBroker(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var hostPort = value.Contains(':', StringComparison.Ordinal) ? value : $"{value}:1883";
        if (!IPEndPoint.TryParse(hostPort.Replace("localhost", "127.0.0.1", StringComparison.OrdinalIgnoreCase), out var endpoint) || endpoint.Port == 0)
        {
            throw new UsageException($"--mqtt {value} is not HOST:PORT, e.g. 127.0.0.1:1883");
        }

        return endpoint;
    }
}
