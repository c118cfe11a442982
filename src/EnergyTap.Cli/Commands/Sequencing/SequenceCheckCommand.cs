using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunSpec.Catalog;
using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.Cli.Commands.Sequencing;

internal static class SequenceCheckCommand
{
    public static Command Create()
    {
        var file = SequenceFile.Argument();
        var json = CommonOptions.Json();
        var models = new Option<string?>("--models") { Description = "Directory of official SunSpec model_<id>.json files that add to or replace the built-in models." };
        var command = new Command("check", "Validate a sequence file against the SunSpec catalog without a device: keys, types, points, writability, ranges. "
            + "Values scaled by a device's scale factor are range-checked when the sequence runs. Exit 1 when not valid.")
        {
            file,
            json,
            models,
        };
        command.SetAction((parse, _) =>
        {
            var catalog = parse.GetValue(models) is string dir ? ModelCatalog.Builtin.WithModelsFrom(dir) : ModelCatalog.Builtin;
            var path = parse.GetValue(file)!;
            try
            {
                var sequence = SequenceValidator.LoadValid(SequenceFile.Read(path), path, s => CatalogMap.For(s, catalog));
                if (parse.GetValue(json))
                {
                    Output.WriteJson(new { valid = true, file = path, name = sequence.Name, steps = sequence.Steps.Count, touchesModel704 = sequence.TouchesModel704 });
                }
                else
                {
                    Console.Out.WriteLine($"{path}: valid, {sequence.Steps.Count} steps{(sequence.Name is null ? "" : $" (\"{sequence.Name}\")")}");
                }

                return Task.FromResult(0);
            }
            catch (SequenceValidationException ex)
            {
                if (parse.GetValue(json))
                {
                    Output.WriteJson(SequenceFile.ProblemsJson(ex));
                }

                return Task.FromResult(SequenceFile.Report(ex));
            }
        });
        return command;
    }
}
