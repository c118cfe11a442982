using System.Diagnostics;
using EnergyTap.Modbus;
using EnergyTap.Scenarios.Infrastructure;
using EnergyTap.Simulators.Agate;
using EnergyTap.SunSpec;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Planning;

namespace EnergyTap.Scenarios.SunSpec;

/// <summary>
/// Cold scan and full poll of a simulated aGate over real loopback TCP: Modbus round trips (counted by the
/// client) and wall time (median of several runs), beside the fewest 125-register reads that could do it.
/// </summary>
internal static class SunSpecScenario
{
    public static async Task<ScenarioResult> RunAsync(int repetitions, CancellationToken ct)
    {
        var loadBefore = LoadAverage.Read();
        await using var agate = new AgateSimulator(new AgateSimulatorOptions { Port = 0 });
        var endpoint = await agate.StartAsync(ct);

        var knownBase = await MeasureAsync(repetitions, endpoint.Port, c => SunSpecScanner.ScanAsync(c, new SunSpecScanOptions { BaseAddress = 0 }, ct));
        var autoBase = await MeasureAsync(repetitions, endpoint.Port, c => SunSpecScanner.ScanAsync(c, null, ct));
        var map = knownBase.Last.Map;
        var poll = await MeasureAsync(repetitions, endpoint.Port, c => new SunSpecDevice(c, map).PollAsync(ct));

        var scanMinimum = ReadPlanner.MinimumReads(map.TotalRegisters);
        var pollMinimum = ReadPlanner.MinimumReads(map.EndAddress - map.Models[0].DataAddress);
        return new ScenarioResult("sunspec", "", DateTimeOffset.UtcNow, MachineInfo.Describe(), loadBefore, LoadAverage.Read(),
        [
            new("cold scan, --base 0: round trips", knownBase.RoundTrips, "", $"minimum {scanMinimum}"),
            new("cold scan, --base 0: wall time (median)", knownBase.MedianMs, "ms", $"{repetitions} runs, fresh connection each"),
            new("cold scan, --base auto: round trips", autoBase.RoundTrips, "", $"minimum {scanMinimum}"),
            new("cold scan, --base auto: wall time (median)", autoBase.MedianMs, "ms"),
            new("full poll: round trips", poll.RoundTrips, "", $"minimum {pollMinimum} (if points could be split)"),
            new("full poll: wall time (median)", poll.MedianMs, "ms"),
            new("registers in the chain", map.TotalRegisters, ""),
        ], ["AgateSimulator over loopback TCP; round trips from ModbusTcpClient.Statistics"]);
    }

    private static async Task<Run<T>> MeasureAsync<T>(int repetitions, int port, Func<ModbusTcpClient, Task<T>> operation)
    {
        var times = new List<double>();
        T last = default!;
        long roundTrips = 0;
        for (var i = 0; i < repetitions; i++)
        {
            await using var client = new ModbusTcpClient(new ModbusClientOptions { Host = "127.0.0.1", Port = port });
            await client.ConnectAsync();
            var clock = Stopwatch.StartNew();
            last = await operation(client);
            times.Add(clock.Elapsed.TotalMilliseconds);
            roundTrips = client.Statistics.RoundTrips;
        }

        times.Sort();
        return new Run<T>(last, roundTrips, times[times.Count / 2]);
    }

    private sealed record Run<T>(T Last, long RoundTrips, double MedianMs);
}
