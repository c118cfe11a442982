using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.Cli.Commands.Cloud;

internal static class CloudModeCommand
{
    public static Command Create()
    {
        var (command, o) = CloudCliOptions.Command("mode",
            "Show or set the operating mode: time-of-use (tou), self-consumption (self) or emergency-backup (backup).");
        var name = new Argument<string?>("mode") { Description = "tou, self or backup (long names work too); omit to show.", Arity = ArgumentArity.ZeroOrOne };
        var minutes = new Option<int?>("--backup-minutes")
        {
            Description = $"With backup: return to the previous mode after this many minutes ({FranklinCloudClient.MinBackupMinutes}–{FranklinCloudClient.MaxBackupMinutes}). Default: stay in backup until changed.",
        };
        command.Arguments.Add(name);
        command.Options.Add(minutes);
        command.SetAction(async (parse, ct) =>
        {
            var requested = Requested(parse.GetValue(name), parse.GetValue(minutes));
            using var client = o.CreateClient(parse);
            var gateway = await o.GatewayIdAsync(client, parse, ct);
            ModeChangeResult? change = requested is { } r ? await client.SetOperatingModeAsync(gateway, r, parse.GetValue(minutes), ct) : null;
            var info = await client.GetOperatingModeAsync(gateway, ct);
            if (parse.GetValue(o.Json))
            {
                Output.WriteJson(new { GatewayId = gateway, Change = change, info.ActiveMode, info.ReserveSoc, info.ActiveProfileId, info.Profiles });
                return 0;
            }

            ModeOutput.Print(gateway, change, info);
            return 0;
        });
        return command;
    }

    private static WorkMode? Requested(string? name, int? minutes)
    {
        if (name is null)
        {
            return minutes is null ? null : throw new UsageException("--backup-minutes goes with `mode backup`.");
        }

        if (!WorkModeNames.TryParse(name, out var mode))
        {
            throw new UsageException($"unknown mode '{name}'; use one of: {string.Join(", ", WorkModeNames.Accepted)}.");
        }

        if (minutes is { } m && (mode != WorkMode.EmergencyBackup || m is < FranklinCloudClient.MinBackupMinutes or > FranklinCloudClient.MaxBackupMinutes))
        {
            throw new UsageException($"--backup-minutes applies to backup only and must be {FranklinCloudClient.MinBackupMinutes}–{FranklinCloudClient.MaxBackupMinutes}.");
        }

        return mode;
    }
}
