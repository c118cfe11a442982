using System.CommandLine;
using EnergyTap.Cli.Infrastructure;

namespace EnergyTap.Cli.Commands.Agate;

internal static class HealthCommand
{
    public static Command Create()
    {
        var connection = new AgateConnection();
        var locator = new AgateLocator();
        var json = CommonOptions.Json();
        var samples = new Option<int>("--samples") { Description = "Polls to compare (frozen readings show up across polls).", DefaultValueFactory = _ => 3 };
        var spacing = new Option<double>("--spacing") { Description = "Seconds between polls.", DefaultValueFactory = _ => 2 };
        var command = new Command("health", "Check for zombie control (enabled, no EnergyTap process or server owns it), WSet/WSetPct conflict, PF correction off, "
            + "values out of sane bounds (near 0xFFFF) and stale or frozen readings, each with a recommendation. Read-only. Exit code 1 when unhealthy.");
        connection.AddTo(command);
        locator.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(samples);
        command.Options.Add(spacing);
        command.SetAction((parse, ct) =>
        {
            var count = parse.GetValue(samples);
            var seconds = parse.GetValue(spacing);
            if (count is < 1 or > 20 || seconds is < 0 or > 60)
            {
                throw new UsageException("--samples must be 1..20 and --spacing 0..60 seconds");
            }

            var (host, port) = connection.Endpoint(parse);
            var located = locator.Locate(parse, host, port);
            return connection.RunAsync(parse, ct, async controller =>
            {
                var server = await AgateLocator.AskServerAsync(located, ct);
                var report = await controller.CheckHealthAsync(count, TimeSpan.FromSeconds(seconds), ct, server?.AsRecord(controller.DeviceKey));
                if (parse.GetValue(json))
                {
                    Output.WriteJson(new { healthy = report.Healthy, report.CheckedAt, Findings = HealthAdvice.Worded(report) });
                }
                else
                {
                    AgateStatusView.WriteHealth(report);
                }

                return report.Healthy ? 0 : CliRunner.Failure;
            }, located: located);
        });
        return command;
    }
}
