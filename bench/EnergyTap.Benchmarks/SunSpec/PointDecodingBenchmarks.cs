using BenchmarkDotNet.Attributes;
using EnergyTap.SunSpec.Catalog;
using EnergyTap.SunSpec.Codecs;
using EnergyTap.SunSpec.Images;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.Benchmarks.SunSpec;

/// <summary>Decoding single points and whole models from registers already read (no I/O).</summary>
[MemoryDiagnoser]
public class PointDecodingBenchmarks
{
    private readonly ushort[] int16 = [0xFFC4];
    private readonly ushort[] uint32 = [0x0001, 0x86A0];
    private readonly ushort[] float32 = [0x4366, 0x8000];
    private readonly ushort[] text = [0x6147, 0x6174, 0x6520, 0x5800, 0, 0, 0, 0];
    private SunSpecImage image = null!;
    private SunSpecSnapshot snapshot = null!;
    private ModelInstance model704 = null!;
    private PointLocation wsetPct = null!;

    [GlobalSetup]
    public void Setup()
    {
        image = AgateChain.Build();
        snapshot = new SunSpecSnapshot(image.Map, new RegisterBlock(image.BaseAddress, image.Registers));
        model704 = image.Map.Find(704)!;
        wsetPct = image.Locate("704.WSetPct");
    }

    [Benchmark]
    public bool Int16Raw() => PointCodec.TryDecodeInteger(PointType.Int16, int16, out _);

    [Benchmark]
    public object? UInt32Boxed() => PointCodec.Decode(PointType.UInt32, uint32);

    [Benchmark]
    public object? Float32() => PointCodec.Decode(PointType.Float32, float32);

    [Benchmark]
    public object? String16() => PointCodec.Decode(PointType.String, text);

    [Benchmark]
    public double? ScaledPointWithScaleFactorLookup() => (double?)snapshot.Read(wsetPct).Value;

    [Benchmark]
    public int WholeModel704() => snapshot.ReadModel(model704).Count;

    [Benchmark]
    public int WholeAgateChain() => image.Map.Models.Sum(m => snapshot.ReadModel(m).Count);
}
