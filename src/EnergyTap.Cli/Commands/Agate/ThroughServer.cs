using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Cli.Commands.Agate;

/// <summary>charge, discharge, idle and stop as requests to a running server; its supervisor writes, verifies and reverts.</summary>
internal static class ThroughServer
{
    public static async Task<int> SendAsync(ServerTarget target, BatteryCommand battery, TimeSpan? revert, bool json, CancellationToken ct)
    {
        var command = await ServerRoute.WithTokenHintAsync(target, c => c.IssueAsync(target.Site, target.Device, battery.Kind, battery.Watts, revert ?? target.MaxDuration, ct));
        if (json)
        {
            Output.WriteJson(command);
            return 0;
        }

        Console.Out.WriteLine($"{battery} on {command.Site}/{command.Device} through the EnergyTap server at {target.Client.Server}, verified (command {command.Id}).");
        Console.Out.WriteLine($"The server releases it at {command.Deadline:u} (in {AgateConnection.Seconds(TimeSpan.FromSeconds(command.RemainingSeconds))}), "
            + "even if it restarts meanwhile; 'energytap agate stop' releases it sooner.");
        if (revert is null)
        {
            Console.Error.WriteLine($"energytap: note: without --revert the server keeps the command for its maximum, {target.MaxDuration.TotalMinutes:0} min.");
        }

        return 0;
    }

    public static async Task<int> StopAsync(ServerTarget target, bool json, CancellationToken ct)
    {
        var release = await ServerRoute.WithTokenHintAsync(target, c => c.ReleaseAsync(target.Site, target.Device, ct));
        if (json)
        {
            Output.WriteJson(release);
            return 0;
        }

        Console.Out.WriteLine(release.HadCommand
            ? $"Released the command on {target.Site}/{target.Device} through the EnergyTap server at {target.Client.Server}; the aGate runs its own mode again."
            : $"No command was active on {target.Site}/{target.Device}; the server released control anyway, so the aGate runs its own mode.");
        return 0;
    }
}
