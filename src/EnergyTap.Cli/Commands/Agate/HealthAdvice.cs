using EnergyTap.FranklinWH.Agate.Health;

namespace EnergyTap.Cli.Commands.Agate;

/// <summary>
/// A health finding's recommendation as the commands to run: the library says what to do ("release control"),
/// the CLI says how (`energytap agate stop`). Keyed by the finding's code; an unknown code keeps the library's words.
/// </summary>
internal static class HealthAdvice
{
    public static string For(HealthFinding finding) => finding.Code switch
    {
        "zombie-control" => "run 'energytap agate stop' to hand the battery back to the aGate, or issue a new command with --revert",
        "expired-command" => "run 'energytap agate stop'; if it persists, check the connection to the aGate",
        "orphan-record" => "run 'energytap agate stop' to clear the record",
        "wset-conflict" => "run 'energytap agate stop' (zeroes WSet and WSetPct), then command with WSetPct only",
        "wset-nonzero" => "run 'energytap agate stop' to zero WSet",
        "wsetmod-watts" => "issue the command again or run 'energytap agate stop'",
        "pf-disabled" => "run 'energytap agate pf on'",
        _ => finding.Recommendation,
    };

    public static IReadOnlyList<HealthFinding> Worded(HealthReport report) =>
        [.. report.Findings.Select(f => f with { Recommendation = For(f) })];
}
