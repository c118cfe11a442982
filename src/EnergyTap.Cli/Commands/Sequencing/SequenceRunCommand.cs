using System.CommandLine;
using EnergyTap.Cli.Commands.SunSpec;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunSpec.Sequencing;
using Spectre.Console;

namespace EnergyTap.Cli.Commands.Sequencing;

internal static class SequenceRunCommand
{
    public static Command Create()
    {
        var file = SequenceFile.Argument();
        var connection = new SunSpecConnection();
        var json = CommonOptions.Json();
        var dryRun = new Option<bool>("--dry-run") { Description = "Connect and scan, validate, and print the raw FC 16 writes (PDU address, register values, points) without writing anything." };
        var noRelease = new Option<bool>("--no-release-on-abort")
        {
            Description = "Do not release control when the run aborts midway. By default a sequence that wrote model 704 ends an abort with WSetEna=0, WSetPct=0, WSet=0 (verified).",
        };
        var command = new Command("run", "Run a sequence file against a SunSpec device: everything is validated first (nothing is written when anything is wrong), "
            + "then each step's writes are verified by read-back. Exit 1 when validation or any step failed.")
        {
            file,
        };
        connection.AddTo(command);
        command.Options.Add(dryRun);
        command.Options.Add(noRelease);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var path = parse.GetValue(file)!;
            string text;
            try
            {
                text = SequenceFile.Read(path);
            }
            catch (SequenceValidationException ex)
            {
                return Invalid(ex, asJson);
            }

            var (client, device) = await connection.ScanAsync(parse, ct);
            await using (client)
            {
                try
                {
                    var sequence = SequenceValidator.LoadValid(text, path, _ => device.Map, SequenceValidator.ScaleFactorsOf(device));
                    if (parse.GetValue(dryRun))
                    {
                        PrintPlan(SequencePlanner.Plan(sequence, device), asJson);
                        return 0;
                    }

                    var progress = SequenceProgress.For(asJson);
                    var runner = new SequenceRunner(device, new SequenceRunOptions { ReleaseOnAbort = !parse.GetValue(noRelease), OnEvent = progress.On });
                    var result = await runner.RunAsync(sequence, ct);
                    if (asJson)
                    {
                        Output.WriteJson(SequenceJson.Result(result));
                    }

                    if (result.Succeeded)
                    {
                        return 0;
                    }

                    var failed = result.Steps.Where(s => !s.Succeeded).ToList();
                    await Console.Error.WriteLineAsync($"energytap: {failed.Count} step{(failed.Count == 1 ? "" : "s")} failed"
                        + (result.Aborted ? $", aborted at \"{failed[^1].Step.Name}\"" : "")
                        + (result.Release is { } r ? (r.Succeeded ? "; control released" : "; RELEASE FAILED: " + r.Error) : "")
                        + $": {failed[0].Error}");
                    return CliRunner.Failure;
                }
                catch (SequenceValidationException ex)
                {
                    return Invalid(ex, asJson);
                }
            }
        });
        return command;
    }

    private static int Invalid(SequenceValidationException ex, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(SequenceFile.ProblemsJson(ex));
        }

        return SequenceFile.Report(ex);
    }

    private static void PrintPlan(IReadOnlyList<PlannedStep> plan, bool asJson)
    {
        if (asJson)
        {
            Output.WriteJson(new
            {
                dryRun = true,
                steps = plan.Select(p => new
                {
                    name = p.Step.Name,
                    writes = p.Writes.Select(w => new { function = 16, address = w.Address, count = w.Registers.Count, registers = w.Registers, points = w.Points }),
                    reads = p.Step.Reads.Select(r => r.Point),
                    waitFor = p.Step.WaitFor?.ToString(),
                    sleepMs = (long)p.Step.Sleep.TotalMilliseconds,
                }),
            });
            return;
        }

        var console = SequenceProgress.Terminal(toStderr: false);
        var table = new Table();
        table.AddColumns("Step", "FC 16 write", "Registers", "Points");
        foreach (var step in plan)
        {
            var label = $"{step.Step.Index + 1}. {step.Step.Name}";
            if (step.Writes.Count == 0)
            {
                table.AddRow(new Text(label), new Text("-"), new Text(""), new Text(Other(step.Step)));
            }

            foreach (var w in step.Writes)
            {
                table.AddRow(new Text(label), new Text($"@{w.Address} ×{w.Registers.Count}"), new Text(string.Join(' ', w.Registers.Select(r => $"0x{r:X4}"))), new Text(string.Join(", ", w.Points)));
                label = "";
            }
        }

        console.Write(table);
        console.MarkupLine("[grey]dry run: nothing was written (addresses are 0-based PDU addresses)[/]");
    }

    private static string Other(SequenceStep step) =>
        string.Join("; ", new[]
        {
            step.Reads.Count > 0 ? "read " + string.Join(", ", step.Reads.Select(r => r.Point)) : null,
            step.WaitFor is { } w ? $"wait_for {w}" : null,
            step.Sleep > TimeSpan.Zero ? $"sleep {step.Sleep.TotalMilliseconds:0} ms" : null,
        }.OfType<string>());
}
