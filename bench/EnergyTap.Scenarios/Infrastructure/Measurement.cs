namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>One measured number of a scenario, with its unit and what it means.</summary>
internal sealed record Measurement(string Name, double? Value, string Unit, string? Note = null)
{
    public string Display => Value is { } v ? $"{Format(v)} {Unit}".TrimEnd() : "n/a";

    private static string Format(double value) => Math.Abs(value) switch
    {
        >= 1000 => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>What one scenario (or one variant of it, e.g. the fleet on PostgreSQL) measured.</summary>
internal sealed record ScenarioResult(
    string Scenario,
    string Variant,
    DateTimeOffset Finished,
    string Machine,
    LoadAverage LoadBefore,
    LoadAverage LoadAfter,
    IReadOnlyList<Measurement> Measurements,
    IReadOnlyList<string> Notes)
{
    public string Key => Variant.Length == 0 ? Scenario : $"{Scenario}-{Variant}";
}
