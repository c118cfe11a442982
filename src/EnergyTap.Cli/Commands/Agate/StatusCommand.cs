using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Cli.Commands.Agate;

internal static class StatusCommand
{
    public static Command Create()
    {
        var connection = new AgateConnection();
        var locator = new AgateLocator();
        var json = CommonOptions.Json();
        var command = new Command("status", "Battery, solar, grid, home load, control registers, revert timer (and who holds the command) and native mode. "
            + "Read-only: an active command is never disturbed (an expired one is released).");
        connection.AddTo(command);
        locator.AddTo(command);
        command.Options.Add(json);
        command.SetAction((parse, ct) =>
        {
            var (host, port) = connection.Endpoint(parse);
            var located = locator.Locate(parse, host, port);
            return connection.RunAsync(parse, ct, async controller =>
            {
                var status = await controller.ReadStatusAsync(ct);
                var server = await AgateLocator.AskServerAsync(located, ct);
                if (!status.Control.Timer.Active && server is not null)
                {
                    // The server keeps its record elsewhere (another user's state file): its API is the record then.
                    status = status with { Control = status.Control with { Timer = CommandTimerStatus.From(server.AsRecord(controller.DeviceKey), status.At) } };
                }

                if (parse.GetValue(json))
                {
                    Output.WriteJson(new { nameplate = controller.Nameplate, status, server = server?.Command });
                }
                else
                {
                    AgateStatusView.Write(status, controller.Nameplate);
                }

                return 0;
            }, located: located);
        });
        return command;
    }
}
