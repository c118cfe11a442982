using System.CommandLine;
using System.Net;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Simulators.Cloud;

namespace EnergyTap.Cli.Commands;

internal static class SimulateCloudCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port (0 = any free port).", DefaultValueFactory = _ => 8082 };
        var listen = new Option<string>("--listen") { Description = "Address to listen on. Keep it loopback.", DefaultValueFactory = _ => "127.0.0.1" };
        var seed = new Option<int>("--seed") { Description = "Seed for the simulated power values.", DefaultValueFactory = _ => 1 };
        var command = new Command("cloud",
            "Simulate the FranklinWH cloud (accounts, three gateways with generator/V2L hardware variants, token expiry, "
            + "102/136 answers, valid:false bursts, lockout, 429) until Ctrl-C. Point cloud commands at it with --base-url.")
        {
            port, listen, seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(listen), out var address))
            {
                throw new UsageException($"--listen must be an IP address, not '{parse.GetValue(listen)}'.");
            }

            if (parse.GetValue(port) is < 0 or > 65535)
            {
                throw new UsageException("--port must be 0–65535.");
            }

            await using var simulator = new CloudSimulator(new CloudSimulatorOptions { Port = parse.GetValue(port), ListenAddress = address, Seed = parse.GetValue(seed) });
            var baseUri = await simulator.StartAsync(ct);
            Console.Out.WriteLine($"FranklinWH cloud simulator listening on {baseUri}");
            Console.Out.WriteLine($"Demo account: {SimulatedAccount.DemoEmail} / {SimulatedAccount.DemoPassword}");
            Console.Out.WriteLine($"Gateways: {string.Join(", ", SimulatedAccount.Demo.Gateways.Select(g => $"{g.Id} ({g.Name})"))}");
            Console.Out.WriteLine($"Try: ENERGYTAP_CLOUD_EMAIL={SimulatedAccount.DemoEmail} ENERGYTAP_CLOUD_PASSWORD={SimulatedAccount.DemoPassword} energytap cloud gateways --base-url {baseUri}");
            Console.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: stop quietly.
            }

            return 0;
        });
        return command;
    }
}
