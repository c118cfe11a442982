using System.CommandLine;
using System.Text.Json;
using EnergyTap.Cli.Infrastructure;

namespace EnergyTap.Cli.Commands.Agate;

internal static class WatchCommand
{
    public static Command Create()
    {
        var connection = new AgateConnection();
        var json = new Option<bool>("--json") { Description = "Write one JSON document per line (JSON Lines) instead of text." };
        var interval = new Option<double>("--interval") { Description = "Seconds between polls (each poll is about 8 reads).", DefaultValueFactory = _ => 5 };
        var command = new Command("watch", "Print the status line every --interval seconds until Ctrl-C. Read-only.");
        connection.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(interval);
        command.SetAction((parse, ct) =>
        {
            var seconds = parse.GetValue(interval);
            if (seconds is < 1 or > 3600)
            {
                throw new UsageException("--interval must be between 1 and 3600 seconds");
            }

            return connection.RunAsync(parse, ct, async controller =>
            {
                var compact = new JsonSerializerOptions(Output.Json) { WriteIndented = false };
                try
                {
                    while (true)
                    {
                        var status = await controller.ReadStatusAsync(ct);
                        Console.Out.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(status, compact) : AgateStatusView.Line(status));
                        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return 0;
                }
            });
        });
        return command;
    }
}
