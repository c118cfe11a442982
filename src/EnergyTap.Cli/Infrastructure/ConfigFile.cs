using EnergyTap.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>
/// Finds, reads and validates the configuration file: --config, else $ENERGYTAP_CONFIG, else
/// ~/.config/energytap/energytap.json; environment variables ENERGYTAP_Section__Key override it.
/// </summary>
internal static class ConfigFile
{
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("ENERGYTAP_CONFIG") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "energytap", "energytap.json");

    /// <summary>Loads and validates; any problem becomes one UsageException listing every problem.</summary>
    public static EnergyTapConfig Load(string? path)
    {
        var read = Read(path);
        return read.Problems.Count == 0
            ? read.Config
            : throw new UsageException($"{read.File}: {Count(read.Problems)}: {string.Join("; ", read.Problems)}");
    }

    /// <summary>"1 problem", "3 problems".</summary>
    public static string Count(IReadOnlyList<ConfigProblem> problems) => problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";

    /// <summary>
    /// Reads the file and the environment overrides and finds every problem at once: unknown keys and values of the
    /// wrong kind first, then every rule of <see cref="ConfigValidator"/> on the values that could be read.
    /// </summary>
    public static ConfigReadResult Read(string? path)
    {
        var file = Path.GetFullPath(path ?? DefaultPath);
        if (!File.Exists(file))
        {
            throw new UsageException($"no configuration at {file}; create one with: energytap config init --config {file}");
        }

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder()
                .AddJsonFile(file, optional: false, reloadOnChange: false)
                .AddInMemoryCollection(EnvironmentOverrides())
                .Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new UsageException($"{file}: {NotJson(Innermost(ex))}");
        }

        var config = ConfigShape.Bind(root, out var shapeProblems);
        var problems = shapeProblems.Select(ConfigProblem.Parse).ToList();
        problems.AddRange(ConfigValidator.Validate(config).Select(ConfigProblem.Parse));
        return new ConfigReadResult(file, config, problems);
    }

    /// <summary>
    /// ENERGYTAP_Section__Key variables, as configuration keys. Variables without "__" (ENERGYTAP_CONFIG,
    /// ENERGYTAP_STATE_DIR, ENERGYTAP_DEBUG) are settings of the program, not of the file.
    /// </summary>
    private static Dictionary<string, string?> EnvironmentOverrides()
    {
        const string prefix = "ENERGYTAP_";
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Contains("__", StringComparison.Ordinal))
            {
                overrides[name[prefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = (string?)variable.Value;
            }
        }

        return overrides;
    }

    private static string NotJson(Exception ex) => ex is System.Text.Json.JsonException { LineNumber: { } line, BytePositionInLine: { } column }
        ? $"not valid JSON at line {line + 1}, column {column + 1} (a missing comma, quote or brace?)"
        : $"not valid JSON: {ex.Message}";

    /// <summary>The configuration stack wraps the useful detail (line number, unknown key) in generic messages.</summary>
    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);
}

/// <summary>The configuration as read (keys with a problem left out) and every problem; usable only without problems.</summary>
internal sealed record ConfigReadResult(string File, EnergyTapConfig Config, IReadOnlyList<ConfigProblem> Problems);

/// <summary>One problem in the configuration: where (its JSON path) and what is wrong, in plain words.</summary>
internal sealed record ConfigProblem(string Path, string Message)
{
    /// <summary>The library words problems as "path: message".</summary>
    public static ConfigProblem Parse(string problem)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? new ConfigProblem("", problem) : new ConfigProblem(problem[..colon], problem[(colon + 2)..]);
    }

    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
