namespace EnergyTap.Cli.Commands.SunSpec;

/// <summary>
/// The SunSpec library says a device model has no definition in the catalog; how to load one is the CLI's to say
/// (the --models option of sunspec and sequence commands).
/// </summary>
internal static class ModelsFlagHint
{
    public static string Append(string message, int? uncataloguedModelId) =>
        uncataloguedModelId is { } id ? $"{message} (load its model_{id}.json with --models)" : message;
}
