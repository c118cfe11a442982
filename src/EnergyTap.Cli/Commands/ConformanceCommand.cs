using System.CommandLine;
using EnergyTap.Cli.Commands.Sequencing;
using EnergyTap.Cli.Commands.SunSpec;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunSpec.Conformance;
using EnergyTap.SunSpec.Sequencing;
using Spectre.Console;

namespace EnergyTap.Cli.Commands;

internal static class ConformanceCommand
{
    public static Command Create()
    {
        var connection = new SunSpecConnection();
        var json = CommonOptions.Json();
        var reversion = new Option<double>("--reversion-time") { Description = "Seconds of WSetRvrtTms the reversion diagnostic sets.", DefaultValueFactory = _ => 10 };
        var grace = new Option<double>("--reversion-wait") { Description = "Seconds to wait past the timer's expiry for the device to revert.", DefaultValueFactory = _ => 10 };
        var verifyTimeout = new Option<int?>("--verify-timeout-ms") { Description = "Replace each step's verify_timeout_ms (default: the diagnostics' 2000 ms)." };
        var settle = new Option<int?>("--settle-ms") { Description = "Replace each step's settling sleep_ms (default: the diagnostics' 500–2000 ms)." };
        var verbose = new Option<bool>("--steps") { Description = "Also print every step of every diagnostic as it runs." };
        var command = new Command("conformance", "Run the SunSpec control diagnostics (the sequences in examples/diagnostics) against a device and report per feature: "
            + "works, silently discarded, rejected, not implemented, or accepted without effect, with the evidence. Writes to the device; ends by releasing control.");
        connection.AddTo(command);
        command.Options.Add(reversion);
        command.Options.Add(grace);
        command.Options.Add(verifyTimeout);
        command.Options.Add(settle);
        command.Options.Add(verbose);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var seconds = parse.GetValue(reversion);
            var wait = parse.GetValue(grace);
            if (seconds is < 1 or > 3600 || wait is < 0 or > 3600)
            {
                throw new UsageException("--reversion-time must be 1..3600 seconds and --reversion-wait 0..3600 seconds");
            }

            if (parse.GetValue(verifyTimeout) is < 0 or > 600_000 || parse.GetValue(settle) is < 0 or > 600_000)
            {
                throw new UsageException("--verify-timeout-ms and --settle-ms must be 0..600000");
            }

            var asJson = parse.GetValue(json);
            var (client, device) = await connection.ScanAsync(parse, ct);
            await using (client)
            {
                var progress = SequenceProgress.For(asJson);
                var options = new ConformanceOptions
                {
                    ReversionTime = TimeSpan.FromSeconds(seconds),
                    ReversionGrace = TimeSpan.FromSeconds(wait),
                    VerifyTimeout = parse.GetValue(verifyTimeout) is int v ? TimeSpan.FromMilliseconds(v) : null,
                    Settle = parse.GetValue(settle) is int ms ? TimeSpan.FromMilliseconds(ms) : null,
                    Run = new SequenceRunOptions { OnEvent = parse.GetValue(verbose) ? progress.On : null },
                };
                var report = await new ConformanceSuite(device, options).RunAsync(ct);
                if (asJson)
                {
                    Output.WriteJson(new
                    {
                        released = report.Released,
                        notRestored = report.NotRestored,
                        findings = report.Findings.Select(f => new
                        {
                            feature = f.Feature,
                            points = f.Points,
                            verdict = f.Verdict,
                            evidence = f.Evidence,
                            note = f.Note,
                            run = f.Run is null ? null : SequenceJson.Result(f.Run),
                        }),
                    });
                }
                else
                {
                    Print(report);
                }

                if (report.Released && report.NotRestored.Count == 0)
                {
                    return 0;
                }

                if (report.Released)
                {
                    await Console.Error.WriteLineAsync($"energytap: could not restore {string.Join(", ", report.NotRestored)} to the value from before the run; check the device");
                    return 1;
                }

                await Console.Error.WriteLineAsync("energytap: control could not be verified as released (704.WSetEna=0); check the device");
                return CliRunner.Failure;
            }
        });
        return command;
    }

    private static void Print(ConformanceReport report)
    {
        var console = SequenceProgress.Terminal(toStderr: false);
        var table = new Table();
        table.AddColumns("Feature", "Verdict", "Evidence");
        foreach (var f in report.Findings)
        {
            var evidence = f.Note is null ? f.Evidence : $"{f.Evidence}\n{f.Note}";
            table.AddRow(new Text(f.Feature), new Markup(Verdict(f.Verdict)), new Text(evidence));
        }

        console.Write(table);
        console.MarkupLine(report.Released ? "control released (704.WSetEna=0, WSetPct=0, WSet=0 verified)" : "[red]control release not verified[/]");
        console.MarkupLine(report.NotRestored.Count == 0
            ? "every register the run wrote is back at its value from before the run (read back)"
            : $"[red]not restored to the value from before the run: {Markup.Escape(string.Join(", ", report.NotRestored))}[/]");
    }

    private static string Verdict(ConformanceVerdict verdict) => verdict switch
    {
        ConformanceVerdict.Works => "[green]works[/]",
        ConformanceVerdict.SilentlyDiscarded => "[yellow]silently discarded[/]",
        ConformanceVerdict.Rejected => "[red]rejected[/]",
        ConformanceVerdict.NotImplemented => "[grey]not implemented[/]",
        _ => "[yellow]accepted, no effect[/]",
    };
}
