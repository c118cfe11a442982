using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using Spectre.Console;

namespace EnergyTap.Cli.Commands.SunSpec;

internal static class ReadCommand
{
    public static Command Create()
    {
        var connection = new SunSpecConnection();
        var json = CommonOptions.Json();
        var points = new Argument<string[]>("points")
        {
            Description = "Points as MODEL.POINT or MODEL.GROUP[i].POINT, e.g. 704.WSetPct 714.Prt[1].DCW 1.SN. Group indexes start at 1.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("read", "Read points by name, in human units (scale factors applied), in as few reads as they allow.") { points };
        connection.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var (client, device) = await connection.ScanAsync(parse, ct);
            await using (client)
            {
                var readings = await device.ReadAsync(parse.GetValue(points)!, ct);
                if (parse.GetValue(json))
                {
                    Output.WriteJson(new
                    {
                        points = readings.Select(r => new { point = r.Point.FullName, value = r.Value, units = r.Units, symbol = r.Symbol, address = r.Point.Address }),
                    });
                    return 0;
                }

                var table = new Table();
                table.AddColumns("Point", "Value", "Units", "Address");
                foreach (var r in readings)
                {
                    table.AddRow(new Text(r.Point.FullName), new Text(r.Display), new Text(r.Units ?? ""), new Text($"{r.Point.Address}"));
                }

                AnsiConsole.Write(table);
                return 0;
            }
        });
        return command;
    }
}
