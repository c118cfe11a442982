using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>Prints results as a table and keeps them: bench/results/&lt;scenario&gt;.json and bench/results/results.md (all kept results).</summary>
internal static class ResultWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Save(ScenarioResult result)
    {
        Directory.CreateDirectory(RepoPaths.Results);
        File.WriteAllText(Path.Combine(RepoPaths.Results, result.Key + ".json"), JsonSerializer.Serialize(result, Json));
        Console.WriteLine();
        Console.WriteLine(Markdown(result));
    }

    /// <summary>Rewrites results.md from every JSON result in the folder (scenarios run separately stay together).</summary>
    public static string WriteSummary()
    {
        var results = Directory.EnumerateFiles(RepoPaths.Results, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<ScenarioResult>(File.ReadAllText(f), Json)!)
            .ToList();
        var text = new StringBuilder("# Scenario benchmark results\n\nWritten by `./bench.sh`. Load average (1/5/15 min) is recorded because the machine is shared.\n\n");
        foreach (var result in results)
        {
            text.AppendLine(Markdown(result));
        }

        var path = Path.Combine(RepoPaths.Results, "results.md");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Markdown(ScenarioResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {result.Key} — {result.Finished:yyyy-MM-dd HH:mm} UTC, load {result.LoadBefore} → {result.LoadAfter}");
        text.AppendLine();
        text.AppendLine("| measurement | value | note |");
        text.AppendLine("| --- | ---: | --- |");
        foreach (var m in result.Measurements)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {m.Display} | {m.Note} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {result.Machine}.");
        foreach (var note in result.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Note: {note}.");
        }

        return text.ToString();
    }
}
