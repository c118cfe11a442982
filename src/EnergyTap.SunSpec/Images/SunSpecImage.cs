using EnergyTap.SunSpec.Codecs;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.SunSpec.Images;

/// <summary>
/// A complete SunSpec register image: "SunS", every model (header and points), the end marker. <see cref="Registers"/>
/// starts at <see cref="BaseAddress"/> (a 0-based PDU address). Simulators copy it into a Modbus server's holding
/// registers and use <see cref="Map"/> to find points; <see cref="Get"/>/<see cref="Set"/> read and change the
/// image itself.
/// </summary>
public sealed class SunSpecImage
{
    private readonly RegisterBlock block;

    internal SunSpecImage(SunSpecMap map, ushort[] registers)
    {
        Map = map;
        block = new RegisterBlock(map.BaseAddress, registers);
    }

    public SunSpecMap Map { get; }

    public int BaseAddress => Map.BaseAddress;

    /// <summary>The registers from the marker to the end marker's L; index 0 is <see cref="BaseAddress"/>.</summary>
    public ReadOnlySpan<ushort> Registers => block.AsSpan();

    public ushort[] ToArray() => block.AsSpan().ToArray();

    /// <summary>Where a point lives: address, type, size, scale-factor point. Throws <see cref="SunSpecPointException"/>.</summary>
    public PointLocation Locate(string pointName) => Map.Resolve(pointName);

    public PointReading Get(string pointName) => PointDecoder.Read(Locate(pointName), block);

    /// <summary>Changes a point in human units (or <see cref="RawValue"/>), scaled by the image's current scale factor.</summary>
    public void Set(string pointName, object? value)
    {
        var point = Locate(pointName);
        block.Set(point.Address, Encode(point, value));
    }

    /// <summary>The registers a value in human units takes at a point, using this image's scale factor for it.</summary>
    public ushort[] Encode(PointLocation point, object? value) =>
        ValueConverter.ToRegisters(point, value, point.ScaleFactorPoint is { } sf ? PointDecoder.ReadInteger(sf, block) : null);

    /// <summary>The point's value decoded from any register source holding the same layout (e.g. a server's bank).</summary>
    public static PointReading Decode(PointLocation point, Func<int, ushort> registerAt)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(registerAt);
        var sf = point.ScaleFactorPoint;
        var first = sf is null ? point.Address : Math.Min(point.Address, sf.Address);
        var end = sf is null ? point.Address + point.Size : Math.Max(point.Address + point.Size, sf.Address + sf.Size);
        var registers = new RegisterBlock(first, end - first);
        registers.Set(point.Address, [.. Enumerable.Range(point.Address, point.Size).Select(registerAt)]);
        if (sf is not null)
        {
            registers.Set(sf.Address, [registerAt(sf.Address)]);
        }

        return PointDecoder.Read(point, registers);
    }
}
