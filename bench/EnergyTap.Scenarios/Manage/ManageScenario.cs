using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EnergyTap.Scenarios.Infrastructure;

namespace EnergyTap.Scenarios.Manage;

/// <summary>
/// The energy manager's goals (issue 14) on the example trace: the real <c>energytap manage replay --json</c> for
/// self-consumption (2 s meter latency) and tou with perfect and with history forecasts, each metric beside its goal.
/// </summary>
internal static class ManageScenario
{
    public static async Task<ScenarioResult> RunAsync(CancellationToken ct)
    {
        var loadBefore = LoadAverage.Read();
        var self = await ReplayAsync(["--policy", "self-consumption", "--meter-latency-ms", "2000"], ct);
        var perfect = await ReplayAsync(["--policy", "tou", "--forecast", "perfect"], ct);
        var history = await ReplayAsync(["--policy", "tou", "--forecast", "history"], ct);
        var violations = self.Number("limitViolations") + perfect.Number("limitViolations") + history.Number("limitViolations");
        return new ScenarioResult("manage", "", DateTimeOffset.UtcNow, MachineInfo.Describe(), loadBefore, LoadAverage.Read(),
        [
            new("self-consumption: grid within 100 W", self.Number("gridWithin100WFraction") * 100, "%", "goal ≥ 90 % of the time the battery could act"),
            new("self-consumption: reversals per minute, max", self.Number("reversalsPerMinuteMax"), "", "goal ≤ 2"),
            new("tou, perfect forecasts: share of the optimal savings", SavingsPercent(perfect), "%", "goal ≥ 97 %"),
            new("tou, history forecasts: share of the optimal savings", SavingsPercent(history), "%", "goal ≥ 80 %"),
            new("limit violations, all three runs", violations, "", "goal 0"),
            new("tou, history forecasts: plan changes", history.Number("planChanges"), ""),
        ], ["examples/replay (3 days, 10 s steps), default battery 13.6 kWh, 5 kW, efficiency 0.9, reserve 20 %"]);
    }

    // (cost without battery − cost) / (cost without battery − optimal cost): how much of what perfect foresight saves.
    private static double SavingsPercent(JsonElement run) =>
        (run.Number("costWithoutBattery") - run.Number("cost")) / (run.Number("costWithoutBattery") - run.Number("optimalCost")) * 100;

    private static double Number(this JsonElement run, string name) => run.GetProperty(name).GetDouble();

    private static async Task<JsonElement> ReplayAsync(string[] policy, CancellationToken ct)
    {
        var examples = Path.Combine(RepoPaths.Root, "examples", "replay");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[RepoPaths.EnergyTapDll, "manage", "replay", "--trace", Path.Combine(examples, "trace.csv"),
                     "--prices", Path.Combine(examples, "prices.json"), "--export-prices", Path.Combine(examples, "export-prices.json"), .. policy, "--json"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start energytap");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"manage replay {string.Join(' ', policy)} failed: {(await error).Trim()}");
        }

        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}
