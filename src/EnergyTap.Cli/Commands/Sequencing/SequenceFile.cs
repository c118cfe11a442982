using System.CommandLine;
using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.Cli.Commands.Sequencing;

/// <summary>The FILE argument and the one way validation problems are printed: one line each, with line and JSON path.</summary>
internal static class SequenceFile
{
    public static Argument<string> Argument() => new("file")
    {
        Description = "Sequence JSON: an array of steps, or {\"name\", \"description\", \"steps\": [...]}. Steps: name/step, writes {\"704.WSetPct\": 30}, "
            + "reads, verify, verify_timeout_ms, abort_on_failure, sleep_ms, wait_for; or {\"m\":704,\"p\":[...],\"v\":[...]}; or {\"type\":\"wait_for\",...}.",
    };

    /// <summary>The file's text, and its shape checked (broken JSON throws here, before any device is contacted).</summary>
    public static string Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"sequence file {path} does not exist", path);
        }

        var text = File.ReadAllText(path);
        SequenceLoader.ParseAll(text, path);
        return text;
    }

    /// <summary>Prints every problem on stderr; returns the exit code for "not valid".</summary>
    public static int Report(SequenceValidationException ex)
    {
        Console.Error.WriteLine($"energytap: {ex.SequenceSource}: {ex.Problems.Count} problem{(ex.Problems.Count == 1 ? "" : "s")}; nothing was written");
        foreach (var problem in ex.Problems)
        {
            Console.Error.WriteLine($"  {ex.SequenceSource}:{problem.Location.Line}: {problem.Location.JsonPath}: {Message(problem)}");
        }

        return Infrastructure.CliRunner.Failure;
    }

    public static object ProblemsJson(SequenceValidationException ex) => new
    {
        valid = false,
        file = ex.SequenceSource,
        problems = ex.Problems.Select(p => new { line = p.Location.Line, path = p.Location.JsonPath, message = Message(p) }),
    };

    private static string Message(SequenceProblem problem) => SunSpec.ModelsFlagHint.Append(problem.Message, problem.UncataloguedModelId);
}
