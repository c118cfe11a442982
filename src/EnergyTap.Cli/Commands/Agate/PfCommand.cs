using System.CommandLine;

namespace EnergyTap.Cli.Commands.Agate;

internal static class PfCommand
{
    public static Command Create()
    {
        var connection = new AgateConnection();
        var state = new Argument<string>("state") { Description = "on or off." };
        state.AcceptOnlyFromAmong("on", "off");
        var command = new Command("pf", "Turn the aGate's power factor correction (704 PFWInjEna) on or off, verified. It is on by default; off leaves PF at about 0.003 — do not leave it off.")
        {
            state,
        };
        connection.AddTo(command);
        command.SetAction((parse, ct) => connection.RunAsync(parse, ct, async controller =>
        {
            var on = parse.GetValue(state) == "on";
            await controller.SetPowerFactorCorrectionAsync(on, ct);
            Console.Out.WriteLine($"Power factor correction {(on ? "on" : "off")} (PFWInjEna = {(on ? 1 : 0)}), verified.");
            if (!on)
            {
                Console.Error.WriteLine("energytap: warning: power factor correction is off; turn it back on with 'energytap agate pf on'.");
            }

            return 0;
        }));
        return command;
    }
}
