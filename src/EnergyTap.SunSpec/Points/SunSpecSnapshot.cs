namespace EnergyTap.SunSpec.Points;

/// <summary>The values of a device's points as read at one moment (a copy: later polls do not change it).</summary>
public sealed class SunSpecSnapshot(SunSpecMap map, RegisterBlock registers)
{
    public SunSpecMap Map { get; } = map;

    public RegisterBlock Registers { get; } = registers;

    public PointReading Read(string pointName) => Read(Map.Resolve(pointName));

    public PointReading Read(PointLocation point) => PointDecoder.Read(point, Registers);

    /// <summary>Every point of a model except ID, L and pads, in register order.</summary>
    public IReadOnlyList<PointReading> ReadModel(ModelInstance model) =>
        [.. model.Points.Where(IsData).Select(Read)];

    /// <summary>The raw registers of a model's data (after ID and L), e.g. for a model the catalog does not know.</summary>
    public ushort[]? RawData(ModelInstance model) =>
        Registers.TryGet(model.DataAddress, model.Length, out var raw) ? raw.ToArray() : null;

    /// <summary>False for ID, L and pads: they say nothing about the device.</summary>
    internal static bool IsData(PointLocation point) => point.Type != Catalog.PointType.Pad && point.Name is not ("ID" or "L");
}
