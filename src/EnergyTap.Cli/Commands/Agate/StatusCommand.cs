using System.CommandLine;
using EnergyTap.Cli.Infrastructure;

namespace EnergyTap.Cli.Commands.Agate;

internal static class StatusCommand
{
    public static Command Create()
    {
        var connection = new AgateConnection();
        var json = CommonOptions.Json();
        var command = new Command("status", "Battery, solar, grid, home load, control registers, revert timer and native mode. Read-only: an active command is never disturbed (an expired one is released).");
        connection.AddTo(command);
        command.Options.Add(json);
        command.SetAction((parse, ct) => connection.RunAsync(parse, ct, async controller =>
        {
            var status = await controller.ReadStatusAsync(ct);
            if (parse.GetValue(json))
            {
                Output.WriteJson(new { nameplate = controller.Nameplate, status });
            }
            else
            {
                AgateStatusView.Write(status, controller.Nameplate);
            }

            return 0;
        }));
        return command;
    }
}
