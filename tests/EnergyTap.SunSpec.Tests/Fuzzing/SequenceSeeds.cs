using EnergyTap.Fuzzing;

namespace EnergyTap.SunSpec.Tests.Fuzzing;

/// <summary>The shipped example sequences and diagnostics: the seeds of every mutation.</summary>
internal static class SequenceSeeds
{
    public static IReadOnlyList<string> Examples { get; } = LoadExamples();

    /// <summary>Every key the examples use plus every key the loader knows, so renames reach other step shapes.</summary>
    public static string[] Vocabulary { get; } =
    [
        .. JsonMutator.KeysOf(Examples),
        "name", "description", "steps", "step", "note", "verify", "verify_timeout_ms", "abort_on_failure", "sleep_ms", "post_sleep_ms",
        "reads", "writes", "wait_for", "m", "p", "v", "type", "point", "operator", "value", "timeout", "interval", "timeout_ms", "poll_ms",
    ];

    private static List<string> LoadExamples()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "EnergyTap.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var files = new[] { "sequences", "diagnostics" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root.FullName, "examples", folder), "*.json"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        Assert.True(files.Count >= 12, "the example sequences are missing");
        return files;
    }
}
