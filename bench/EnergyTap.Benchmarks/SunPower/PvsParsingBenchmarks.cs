using System.Text;
using BenchmarkDotNet.Attributes;
using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Parsing;
using EnergyTap.SunPower.Politeness;
using EnergyTap.SunPower.Varserver;

namespace EnergyTap.Benchmarks.SunPower;

/// <summary>
/// Parsing cost of a large site's DeviceList and varserver answer (the proxy and the service parse one per
/// refresh window), and the cost of a cache hit, which every proxied client pays.
/// </summary>
[MemoryDiagnoser]
public class PvsParsingBenchmarks
{
    private byte[] _deviceList = [];
    private byte[] _vars = [];
    private SingleFlightCache<string, int> _cache = null!;

    [Params(24, 100)]
    public int Inverters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var devices = new StringBuilder("""{"devices":[{"DEVICE_TYPE":"PVS","SERIAL":"ZT01234567890ABCDEF","STATE":"working","dl_uptime":"2181","DATATIME":"2019,05,11,16,50,00"},""");
        devices.Append("""{"DEVICE_TYPE":"Power Meter","TYPE":"PVS5-METER-P","SERIAL":"PVS6M01234567p","p_3phsum_kw":"1.9867","net_ltea_3phsum_kwh":"198.92"},""");
        var vars = new StringBuilder("{");
        for (var i = 0; i < Inverters; i++)
        {
            devices.Append($$"""{"DEVICE_TYPE":"Inverter","TYPE":"SOLARBRIDGE","SERIAL":"E{{i:D14}}","STATE":"working","DATATIME":"2019,05,11,16,52,00","p_3phsum_kw":"0.125","ltea_3phsum_kwh":"13.0464","v_mppt1_v":"51.82","t_htsnk_degc":"29","freq_hz":"59.99"},""");
            vars.Append($$"""
                "/sys/devices/inverter/{{i}}/sn":"E{{i:D14}}","/sys/devices/inverter/{{i}}/p3phsumKw":"0.125000","/sys/devices/inverter/{{i}}/ltea3phsumKwh":"13.046400","/sys/devices/inverter/{{i}}/vMppt1V":"51.820000",
                """);
        }

        devices.Length--;
        devices.Append("""],"result":"succeed"}""");
        vars.Length--;
        vars.Append('}');
        _deviceList = Encoding.UTF8.GetBytes(devices.ToString());
        _vars = Encoding.UTF8.GetBytes(vars.ToString());
        _cache = new SingleFlightCache<string, int>(TimeProvider.System);
        _cache.GetAsync("k", _ => Task.FromResult(1), (_, at) => at.AddHours(1), TimeSpan.Zero, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark]
    public double DeviceList()
    {
        var snapshot = new PvsDeviceSnapshot(DeviceListParser.Parse(_deviceList), PvsGeneration.Legacy, DateTimeOffset.UnixEpoch);
        return snapshot.VirtualProductionMeter.Power.Value;
    }

    [Benchmark]
    public double VarserverDevices()
    {
        var devices = VarserverDeviceMapper.MapDevices(VarsParser.Parse(_vars, "bench"));
        return VirtualProductionMeter.From(devices.OfType<PvsInverter>()).Power.Value;
    }

    [Benchmark]
    public int CacheHit() => _cache.GetAsync("k", _ => Task.FromResult(2), (_, at) => at.AddHours(1), TimeSpan.Zero, CancellationToken.None).GetAwaiter().GetResult().Value;
}
