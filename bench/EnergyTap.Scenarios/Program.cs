using System.Globalization;
using EnergyTap.Scenarios.Fleet;
using EnergyTap.Scenarios.Footprint;
using EnergyTap.Scenarios.Infrastructure;
using EnergyTap.Scenarios.Manage;
using EnergyTap.Scenarios.Proxy;
using EnergyTap.Scenarios.SunSpec;

// Scenario benchmarks: run by ./bench.sh after a Release build. Usage:
//   EnergyTap.Scenarios [all|fleet|sunspec|proxy|footprint|manage] [--devices N] [--minutes M] [--warmup S] [--store sqlite|postgres|both]
//                       [--clients N] [--seconds S] [--repetitions N]
var scenario = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
var options = ParseOptions(args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray());
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var known = new[] { "all", "sunspec", "proxy", "footprint", "fleet", "manage" };
if (!known.Contains(scenario))
{
    Console.Error.WriteLine($"unknown scenario '{scenario}'; choose one of: {string.Join(", ", known)}");
    return 2;
}

var failures = 0;
foreach (var name in scenario == "all" ? known[1..] : [scenario])
{
    try
    {
        var results = name switch
        {
            "sunspec" => [await SunSpecScenario.RunAsync(Int("repetitions", 15), stop.Token)],
            "proxy" => [await ProxyScenario.RunAsync(Int("clients", 1000), Double("seconds", 5), stop.Token)],
            "footprint" => [await FootprintScenario.RunAsync(Double("steady", 30), stop.Token)],
            "manage" => [await ManageScenario.RunAsync(stop.Token)],
            _ => await FleetScenario.RunAsync(new FleetOptions
            {
                Devices = Int("devices", 1000),
                Minutes = Double("minutes", 2),
                WarmupSeconds = Int("warmup", 30),
                Store = options.GetValueOrDefault("store", "both"),
            }, stop.Token),
        };
        foreach (var result in results)
        {
            ResultWriter.Save(result);
        }
    }
#pragma warning disable CA1031 // One failed scenario is reported and the others still run.
    catch (Exception ex)
#pragma warning restore CA1031
    {
        failures++;
        Console.Error.WriteLine($"{name}: FAILED: {ex.Message}");
    }
}

Console.WriteLine($"results: {ResultWriter.WriteSummary()}");
return failures == 0 ? 0 : 1;

int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

double Double(string name, double fallback) => options.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

static Dictionary<string, string> ParseOptions(string[] rest)
{
    var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < rest.Length; i += 2)
    {
        parsed[rest[i].TrimStart('-')] = rest[i + 1];
    }

    return parsed;
}
