using EnergyTap.SunSpec.Catalog;
using EnergyTap.SunSpec.Codecs;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.SunSpec.Images;

/// <summary>
/// Builds the register image of a SunSpec device for simulators and tests. Values are keyed by the point's name in
/// its model ("WSetPct", "Prt[1].DCW") and given in human units (scaled by the image's own scale factors), as enum
/// symbol names, as <see cref="RawValue"/>, or as the point's registers (ushort[]). Points left out hold their
/// "not implemented" value; scale factors left out are 0; count points (NPrt, NCrv, ...) decide repetitions.
/// </summary>
public sealed class SunSpecImageBuilder(ModelCatalog? catalog = null)
{
    private readonly ModelCatalog catalog = catalog ?? ModelCatalog.Builtin;
    private readonly List<Func<int, (ModelInstance Model, ushort[] Registers)>> models = [];

    /// <param name="values">Point values by name inside the model.</param>
    /// <param name="repeats">How often each count-0 ("fill the rest") group repeats, by group path (e.g. "module").</param>
    public SunSpecImageBuilder Add(int modelId, IReadOnlyDictionary<string, object?>? values = null, IReadOnlyDictionary<string, int>? repeats = null)
    {
        var definition = catalog.Find(modelId) ?? throw new SunSpecPointException($"model {modelId} is not in the catalog");
        var given = values ?? new Dictionary<string, object?>();
        models.Add(address => Encode(definition, address, given, repeats));
        return this;
    }

    /// <summary>A model the catalog need not know, as raw data registers (after ID and L).</summary>
    public SunSpecImageBuilder AddRaw(int modelId, IReadOnlyList<ushort> data)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(modelId, 65534);
        models.Add(address => (ModelLayout.Unknown(modelId, address, data.Count), [(ushort)modelId, (ushort)data.Count, .. data]));
        return this;
    }

    /// <param name="baseAddress">PDU address of the "SunS" marker: 40000, 0, 50000 or any other.</param>
    public SunSpecImage Build(int baseAddress = 40000)
    {
        var registers = new List<ushort> { SunSpecBase.Marker0, SunSpecBase.Marker1 };
        var instances = new List<ModelInstance>();
        foreach (var encode in models)
        {
            var (model, modelRegisters) = encode(baseAddress + registers.Count);
            instances.Add(model);
            registers.AddRange(modelRegisters);
        }

        var end = baseAddress + registers.Count;
        registers.AddRange([SunSpecBase.EndMarker, 0]);
        if (baseAddress + registers.Count > 65536)
        {
            throw new SunSpecChainException($"the image from {baseAddress} needs {registers.Count} registers and does not fit below 65536");
        }

        return new SunSpecImage(new SunSpecMap(baseAddress, instances, end), [.. registers]);
    }

    private static (ModelInstance, ushort[]) Encode(ModelDefinition definition, int address, IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, int>? repeats)
    {
        var model = ModelLayout.Build(definition, address, null, point => CountValue(point, values), path => repeats?.GetValueOrDefault(path) ?? 0);
        var unknown = values.Keys.FirstOrDefault(name => model.Find(name) is null);
        if (unknown is not null)
        {
            throw new SunSpecPointException($"model {definition.Id} (as laid out with the counts given) has no point '{unknown}'");
        }

        var block = new RegisterBlock(address, 2 + model.Length);
        // Scale factors and counts first: the other values are scaled by them.
        foreach (var point in model.Points.OrderBy(p => p.Type is PointType.SunSsf or PointType.Count ? 0 : 1))
        {
            object? value = point.Name switch
            {
                "ID" => new RawValue(definition.Id),
                "L" => new RawValue(model.Length),
                _ when Given(point, values, out var v) => v,
                _ when point.Type == PointType.SunSsf => new RawValue(0),
                _ when point.Type == PointType.Count || IsCountPoint(definition.Group, point) => new RawValue(CountValue(point, values) ?? 0),
                _ => null,
            };
            var sf = point.ScaleFactorPoint is { } sfPoint ? PointDecoder.ReadInteger(sfPoint, block) : null;
            block.Set(point.Address, ValueConverter.ToRegisters(point, value, sf));
        }

        return (model, block.AsSpan().ToArray());
    }

    private static bool Given(PointLocation point, IReadOnlyDictionary<string, object?> values, out object? value) =>
        values.TryGetValue(point.Name, out value)
        || values.FirstOrDefault(kv => string.Equals(kv.Key, point.Name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } match && (value = match.Value) is var _;

    private static long? CountValue(PointLocation point, IReadOnlyDictionary<string, object?> values) =>
        Given(point, values, out var value) && value is not null
            ? value is RawValue raw ? raw.Value : (long)PointEncoder.AsDecimal(point.FullName, value)
            : null;

    private static bool IsCountPoint(GroupDefinition group, PointLocation point) =>
        group.Groups.Any(g => g.Count.PointName == point.Definition.Name || IsCountPoint(g, point));
}
