using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunSpec.Points;
using Spectre.Console;

namespace EnergyTap.Cli.Commands.SunSpec;

internal static class ScanCommand
{
    public static Command Create()
    {
        var connection = new SunSpecConnection();
        var json = CommonOptions.Json();
        var command = new Command("scan", "Find the SunSpec map and print every model with its address (PDU address of its ID register), length and decoded points; repeating groups show as Prt[1], Prt[2] (indexes start at 1). One pass of about 11 reads for an aGate.");
        connection.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var (client, device) = await connection.ScanAsync(parse, ct);
            await using (client)
            {
                var snapshot = device.Latest;
                if (parse.GetValue(json))
                {
                    Output.WriteJson(SunSpecJson.Scan(snapshot));
                    return 0;
                }

                AnsiConsole.WriteLine($"SunSpec map at PDU address {snapshot.Map.BaseAddress}, {snapshot.Map.Models.Count} models, end marker at {snapshot.Map.EndAddress}");
                foreach (var model in snapshot.Map.Models)
                {
                    AnsiConsole.Write(ModelTable(snapshot, model));
                }

                return 0;
            }
        });
        return command;
    }

    private static Table ModelTable(SunSpecSnapshot snapshot, ModelInstance model)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape($"Model {model.Id} {model.Name} @ {model.Address}, L={model.Length}")) };
        table.AddColumns("Point", "Value", "Units", "Address");
        if (model.Root is null)
        {
            var raw = snapshot.RawData(model) ?? [];
            table.AddRow(new Text("(raw)"), new Text(string.Join(' ', raw.Select(r => r.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))), new Text(""), new Text($"{model.DataAddress}"));
            return table;
        }

        foreach (var reading in snapshot.ReadModel(model))
        {
            table.AddRow(new Text(reading.Point.Name), new Text(reading.Display), new Text(reading.Units ?? ""), new Text($"{reading.Point.Address}"));
        }

        if (model.Problem is not null)
        {
            table.Caption = new TableTitle(Markup.Escape(model.Problem));
        }

        return table;
    }
}
