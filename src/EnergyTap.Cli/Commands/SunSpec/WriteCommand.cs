using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunSpec.Writing;
using Spectre.Console;

namespace EnergyTap.Cli.Commands.SunSpec;

internal static class WriteCommand
{
    public static Command Create()
    {
        var connection = new SunSpecConnection();
        var json = CommonOptions.Json();
        var assignments = new Argument<string[]>("assignments")
        {
            Description = "POINT=VALUE pairs written in this order, e.g. 704.WSetEna=0 704.WSetPct=-60 704.WSetEna=1. "
                + "Values are in human units (divided by the scale factor); enum points take symbol names (ENABLED). Group indexes start at 1.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("write", "Write points (FC 16, adjacent points merged in order) and verify each by reading it back. Exit 1 if any write was discarded or rejected.")
        {
            assignments,
        };
        connection.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var writes = parse.GetValue(assignments)!.Select(Parse).ToList();
            var (client, device) = await connection.ScanAsync(parse, ct);
            await using (client)
            {
                var report = await device.WriteAsync(writes, ct);
                if (parse.GetValue(json))
                {
                    Output.WriteJson(new
                    {
                        verified = report.AllVerified,
                        results = report.Results.Select(r => new
                        {
                            point = r.Point.FullName,
                            requested = r.Requested,
                            outcome = r.Outcome,
                            readBack = r.ReadBack?.Value,
                            address = r.Point.Address,
                            error = r.Error,
                        }),
                    });
                }
                else
                {
                    var table = new Table();
                    table.AddColumns("Point", "Requested", "Outcome", "Read back", "Address");
                    foreach (var r in report.Results)
                    {
                        table.AddRow(new Text(r.Point.FullName), new Text(r.Requested?.ToString() ?? "null"), new Text(Describe(r)),
                            new Text(r.ReadBack?.Display ?? ""), new Text($"{r.Point.Address}"));
                    }

                    AnsiConsole.Write(table);
                }

                if (report.AllVerified)
                {
                    return 0;
                }

                var failed = report.Results.Where(r => r.Outcome is not (WriteOutcome.Verified or WriteOutcome.Overwritten)).ToList();
                await Console.Error.WriteLineAsync($"energytap: {failed.Count} of {report.Results.Count} writes not verified: "
                    + string.Join(", ", failed.Select(r => $"{r.Point.FullName} {Describe(r)}")));
                return CliRunner.Failure;
            }
        });
        return command;
    }

    private static PointWrite Parse(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new UsageException($"'{assignment}' is not POINT=VALUE (e.g. 704.WSetPct=-60)");
        }

        return new PointWrite(assignment[..equals].Trim(), assignment[(equals + 1)..].Trim());
    }

    private static string Describe(PointWriteResult result) => result.Outcome switch
    {
        WriteOutcome.Verified => "verified",
        WriteOutcome.Overwritten => "overwritten later in this call",
        WriteOutcome.Discarded => "silently discarded (read-back differs)",
        WriteOutcome.Rejected => $"rejected: {result.Error}",
        WriteOutcome.Unverified => $"unverified: {result.Error}",
        _ => "not attempted (an earlier write was rejected)",
    };
}
