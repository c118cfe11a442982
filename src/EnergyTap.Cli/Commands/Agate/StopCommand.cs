using System.CommandLine;
using EnergyTap.Cli.Infrastructure;

namespace EnergyTap.Cli.Commands.Agate;

internal static class StopCommand
{
    public static Command Create()
    {
        var connection = new AgateConnection();
        var route = new ServerRoute();
        var json = CommonOptions.Json();
        var command = new Command("stop", "Release Modbus control: WSetEna=0, then WSet=0 and WSetPct=0, each verified; the aGate returns to its own mode.");
        connection.AddTo(command);
        route.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var (host, port) = connection.Endpoint(parse);
            using var target = await route.ResolveAsync(parse, host, port, ct);
            return target is null ? await StopDirectAsync(connection, parse, json, ct) : await ThroughServer.StopAsync(target, parse.GetValue(json), ct);
        });
        return command;
    }

    private static Task<int> StopDirectAsync(AgateConnection connection, ParseResult parse, Option<bool> json, CancellationToken ct) =>
        connection.RunAsync(parse, ct, async controller =>
        {
            var result = await controller.ReleaseAsync(ct);
            if (parse.GetValue(json))
            {
                Output.WriteJson(result);
                return 0;
            }

            Console.Out.WriteLine(result.Released is { } r
                ? $"Released {r.Command} (set {r.IssuedAt:u} by {r.HeldBy}); the aGate runs its own mode again."
                : result.WasEnabled
                    ? "Released control that no EnergyTap command owned (it was enabled by something else)."
                    : "Control was already off; WSet and WSetPct are zeroed.");
            return 0;
        });
}
