using System.CommandLine;
using System.Net;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Simulators.Agate;
using EnergyTap.Simulators.Agate.Physics;

namespace EnergyTap.Cli.Commands;

internal static class SimulateAgateCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on (0 = any free port).", DefaultValueFactory = _ => 1502 };
        var listen = new Option<string>("--listen") { Description = "Address to listen on. The simulator has no authentication, like the real aGate.", DefaultValueFactory = _ => "127.0.0.1" };
        var batteries = new Option<int?>("--batteries") { Description = $"aPower batteries, 1..{AgatePhysicsOptions.MaxBatteries} (one 714 Prt block each; default 1, or 8 with --large-site)." };
        var large = new Option<bool>("--large-site") { Description = "A site above 32.767 kW (8 aPowers, 60 kW solar, 20 kW home): 701 W and 714 DCW wrap as int16, as on the real aGate." };
        var span = new Option<bool>("--span-unlocked") { Description = "Behave as if the installer enabled SPAN Modbus: 15507/15508 become writable." };
        var seed = new Option<int>("--seed") { Description = "Seed for weather, appliances and 15502 dropouts (same seed, same day).", DefaultValueFactory = _ => 1 };
        var offGrid = new Option<bool>("--off-grid") { Description = "Start in a grid outage (701 St reads 0). While running, type 'outage' or 'restore' and Enter to cut or restore the grid." };
        var command = new Command("agate", "Simulate a FranklinWH aGate X on Modbus TCP, quirks included, with solar, home load and batteries that move with the clock. Serves until Ctrl-C.")
        {
            port, listen, batteries, span, seed, large, offGrid,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(listen), out var address))
            {
                throw new UsageException($"--listen must be an IP address, not '{parse.GetValue(listen)}'");
            }

            var site = parse.GetValue(large) ? AgatePhysicsOptions.LargeSite : new AgatePhysicsOptions();
            var count = parse.GetValue(batteries) ?? site.Batteries;
            if (count is < 1 or > AgatePhysicsOptions.MaxBatteries)
            {
                throw new UsageException($"--batteries must be 1..{AgatePhysicsOptions.MaxBatteries}");
            }

            var portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                throw new UsageException("--port must be 0..65535");
            }

            await using var simulator = new AgateSimulator(new AgateSimulatorOptions
            {
                Listen = address,
                Port = portNumber,
                Batteries = count,
                Site = site,
                OffGrid = parse.GetValue(offGrid),
                SpanUnlocked = parse.GetValue(span),
                Seed = parse.GetValue(seed),
            });
            var endpoint = await simulator.StartAsync(ct);
            Console.Out.WriteLine($"aGate simulator listening on {endpoint} (Modbus TCP, unit 1 and 2, SunSpec at PDU 0). Ctrl-C stops.");
            Console.Out.WriteLine($"Try: energytap agate status --host {endpoint.Address} --port {endpoint.Port}");
            Console.Out.WriteLine($"Grid {(simulator.GridConnected ? "connected" : "OUTAGE")}; type 'outage' or 'restore' and Enter to change it.");
            try
            {
                await GridCommandsAsync(simulator, ct);
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl-C: stop serving.
            }

            return 0;
        });
        return command;
    }

    /// <summary>Reads 'outage' / 'restore' lines from stdin until it ends (a closed stdin just leaves the grid as it is).</summary>
    private static async Task GridCommandsAsync(AgateSimulator simulator, CancellationToken ct)
    {
        while (await Console.In.ReadLineAsync(ct) is { } line)
        {
            switch (line.Trim().ToLowerInvariant())
            {
                case "outage" or "off-grid":
                    simulator.GridConnected = false;
                    Console.Out.WriteLine("Grid OUTAGE: the aGate islands the home; 701 St reads 0.");
                    break;
                case "restore" or "on-grid":
                    simulator.GridConnected = true;
                    Console.Out.WriteLine("Grid connected again; 701 St reads 1.");
                    break;
                case "":
                    break;
                default:
                    Console.Out.WriteLine($"unknown command '{line.Trim()}'; type 'outage' or 'restore'");
                    break;
            }
        }
    }
}
