using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using EnergyTap.SunSpec;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Planning;

namespace EnergyTap.Benchmarks.SunSpec;

/// <summary>
/// Cold scan and full poll of an aGate-shaped chain over an in-memory device. Besides time, the RoundTrips and
/// Minimum columns show Modbus requests per operation next to the fewest 125-register reads that could cover
/// the registers (the number that matters on a slow Wi-Fi link).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RoundTripConfig))]
public class RoundTripBenchmarks
{
    private ushort[] registers = null!;
    private SunSpecDevice device = null!;

    [GlobalSetup]
    public void Setup()
    {
        registers = AgateChain.Build().ToArray();
        device = SunSpecScanner.ScanAsync(new InMemoryModbus(0, registers), new SunSpecScanOptions { BaseAddress = 0 }).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<SunSpecDevice> ColdScanKnownBase() => SunSpecScanner.ScanAsync(new InMemoryModbus(0, registers), new SunSpecScanOptions { BaseAddress = 0 });

    [Benchmark]
    public Task<SunSpecDevice> ColdScanAutoBase() => SunSpecScanner.ScanAsync(new InMemoryModbus(0, registers));

    [Benchmark]
    public Task FullPoll() => device.PollAsync();

    /// <summary>Requests each scenario sends, measured once by running it.</summary>
    public static IReadOnlyDictionary<string, (int RoundTrips, int Minimum)> Measure()
    {
        var registers = AgateChain.Build().ToArray();
        var known = new InMemoryModbus(0, registers);
        var device = SunSpecScanner.ScanAsync(known, new SunSpecScanOptions { BaseAddress = 0 }).GetAwaiter().GetResult();
        var auto = new InMemoryModbus(0, registers);
        SunSpecScanner.ScanAsync(auto).GetAwaiter().GetResult();
        var poll = new InMemoryModbus(0, registers);
        var polled = new SunSpecDevice(poll, device.Map);
        polled.PollAsync().GetAwaiter().GetResult();
        var scanMinimum = ReadPlanner.MinimumReads(device.Map.TotalRegisters);
        var pollMinimum = ReadPlanner.MinimumReads(device.Map.EndAddress - device.Map.Models[0].DataAddress);
        return new Dictionary<string, (int, int)>
        {
            [nameof(ColdScanKnownBase)] = (known.RoundTrips, scanMinimum),
            [nameof(ColdScanAutoBase)] = (auto.RoundTrips, scanMinimum),
            [nameof(FullPoll)] = (poll.RoundTrips, pollMinimum),
        };
    }

    private sealed class RoundTripConfig : ManualConfig
    {
        public RoundTripConfig()
        {
            var counts = Measure();
            AddColumn(new CountColumn("RoundTrips", counts, c => c.RoundTrips), new CountColumn("Minimum", counts, c => c.Minimum));
        }
    }

    private sealed class CountColumn(string name, IReadOnlyDictionary<string, (int RoundTrips, int Minimum)> counts, Func<(int RoundTrips, int Minimum), int> pick) : IColumn
    {
        public string Id => name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => name == "Minimum" ? "Fewest 125-register reads covering the registers" : "Modbus requests per operation";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            counts.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var c) ? pick(c).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
