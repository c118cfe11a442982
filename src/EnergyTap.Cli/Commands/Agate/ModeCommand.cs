using System.CommandLine;
using EnergyTap.Cli.Infrastructure;

namespace EnergyTap.Cli.Commands.Agate;

internal static class ModeCommand
{
    public static Command Create()
    {
        var connection = new AgateConnection();
        var json = CommonOptions.Json();
        var probe = new Option<bool>("--probe")
        {
            Description = "Also find out whether 15507-15509 take writes (SPAN Modbus unlock). This WRITES: the self reserve (15508) is moved by 1 % "
                + "and restored, verified. Without it nothing is written.",
        };
        var command = new Command("mode", "Show the aGate's native mode (15507, raw number beside the name; the numbering is unsettled) and reserves (15508, 15509).");
        connection.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(probe);
        command.SetAction((parse, ct) => connection.RunAsync(parse, ct, async controller =>
        {
            if (parse.GetValue(probe))
            {
                await controller.ProbeExtensionAccessAsync(ct);
            }

            var mode = await controller.ReadNativeModeAsync(ct);
            if (parse.GetValue(json))
            {
                Output.WriteJson(mode);
            }
            else
            {
                Console.Out.WriteLine(AgateStatusView.Mode(mode));
            }

            return 0;
        }));
        return command;
    }
}
