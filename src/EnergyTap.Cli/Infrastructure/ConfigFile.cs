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

    /// <summary>Loads and validates; any problem becomes one UsageException listing every error.</summary>
    public static EnergyTapConfig Load(string? path)
    {
        var file = Path.GetFullPath(path ?? DefaultPath);
        if (!File.Exists(file))
        {
            throw new UsageException($"no configuration at {file}; create one with: energytap config init --config {file}");
        }

        EnergyTapConfig config;
        try
        {
            var root = new ConfigurationBuilder()
                .AddJsonFile(file, optional: false, reloadOnChange: false)
                .AddInMemoryCollection(EnvironmentOverrides())
                .Build();
            config = root.Get<EnergyTapConfig>(o => o.ErrorOnUnknownConfiguration = true) ?? new EnergyTapConfig();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException)
        {
            throw new UsageException($"{file}: {Innermost(ex).Message}");
        }

        var errors = ConfigValidator.Validate(config);
        if (errors.Count > 0)
        {
            throw new UsageException($"{file}: {errors.Count} problem(s): {string.Join("; ", errors)}");
        }

        return config;
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

    /// <summary>The configuration stack wraps the useful detail (line number, unknown key) in generic messages.</summary>
    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);
}
