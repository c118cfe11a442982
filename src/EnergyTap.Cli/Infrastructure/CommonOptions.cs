using System.CommandLine;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>Options several commands share, so they are spelled and explained the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Write one JSON document to stdout instead of a table." };
}
