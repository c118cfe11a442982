using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Cloud.Generator;

namespace EnergyTap.Cli.Commands.Cloud;

internal static class CloudGeneratorCommand
{
    public static Command Create()
    {
        var (command, o) = CloudCliOptions.Command("generator",
            "Show the generator module's state and mode, or set the mode: auto (starts on outage/threshold) or manual "
            + "(runs only when started in the app). Starting/stopping the generator stays in the FranklinWH app.");
        var mode = new Argument<string?>("mode") { Description = "auto or manual; omit to show.", Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(mode);
        command.SetAction(async (parse, ct) =>
        {
            var requested = parse.GetValue(mode)?.ToLowerInvariant() switch
            {
                null => (GeneratorMode?)null,
                "auto" => GeneratorMode.Auto,
                "manual" => GeneratorMode.Manual,
                var other => throw new UsageException($"generator mode must be auto or manual, not '{other}'."),
            };
            using var client = o.CreateClient(parse);
            var gateway = await o.GatewayIdAsync(client, parse, ct);
            if (requested is { } m)
            {
                await client.SetGeneratorModeAsync(gateway, m, ct);
            }

            var info = await client.GetGeneratorInfoAsync(gateway, ct);
            if (parse.GetValue(o.Json))
            {
                Output.WriteJson(new { GatewayId = gateway, info.Status, info.StatusText, info.ManuSw, info.Mode, info.Opt });
                return 0;
            }

            CloudText.Rows(("gateway", gateway), ("state", info.StatusText), ("mode", info.Mode?.ToString().ToLowerInvariant() ?? $"manuSw {CloudText.Raw(info.ManuSw)}"));
            return 0;
        });
        return command;
    }
}
