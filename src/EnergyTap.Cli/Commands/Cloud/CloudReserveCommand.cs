using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.Cli.Commands.Cloud;

internal static class CloudReserveCommand
{
    public static Command Create()
    {
        var (command, o) = CloudCliOptions.Command("reserve",
            "Show or set the battery reserve (backup SoC, %) of the active mode. The cloud checks the mode's allowed range.");
        var pct = new Argument<double?>("percent") { Description = "New reserve in percent (e.g. 30); omit to show.", Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(pct);
        command.SetAction(async (parse, ct) =>
        {
            var requested = parse.GetValue(pct);
            if (requested is { } p && (double.IsNaN(p) || p is < 0 or > 100))
            {
                throw new UsageException("reserve must be a percentage between 0 and 100.");
            }

            using var client = o.CreateClient(parse);
            var gateway = await o.GatewayIdAsync(client, parse, ct);
            ModeChangeResult? change = null;
            if (requested is { } value)
            {
                try
                {
                    change = await client.SetReserveSocAsync(gateway, value, cancellationToken: ct);
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    throw new UsageException(ex.Message.Split(" (Parameter")[0]);
                }
            }

            var info = await client.GetOperatingModeAsync(gateway, ct);
            if (parse.GetValue(o.Json))
            {
                Output.WriteJson(new { GatewayId = gateway, Change = change, info.ActiveMode, info.ReserveSoc, info.Active?.MinSoc, info.Active?.MaxSoc });
                return 0;
            }

            ModeOutput.Print(gateway, change, info);
            return 0;
        });
        return command;
    }
}
