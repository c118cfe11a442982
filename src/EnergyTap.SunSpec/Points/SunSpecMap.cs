namespace EnergyTap.SunSpec.Points;

/// <summary>
/// The SunSpec map of one device: where the "SunS" marker is (<see cref="BaseAddress"/>, a 0-based PDU address),
/// every model in chain order, and where the end marker sits. Resolves point names to addresses.
/// </summary>
public sealed class SunSpecMap
{
    public SunSpecMap(int baseAddress, IReadOnlyList<ModelInstance> models, int endAddress)
    {
        BaseAddress = baseAddress;
        Models = models;
        EndAddress = endAddress;
    }

    public int BaseAddress { get; }

    public IReadOnlyList<ModelInstance> Models { get; }

    /// <summary>PDU address of the end marker (0xFFFF), or where the chain stopped.</summary>
    public int EndAddress { get; }

    /// <summary>Registers from the marker to the end marker's L, inclusive.</summary>
    public int TotalRegisters => EndAddress + 2 - BaseAddress;

    /// <summary>The first model with this id, or null.</summary>
    public ModelInstance? Find(int modelId) => Models.FirstOrDefault(m => m.Id == modelId);

    /// <summary>Every point with a register in [address, address + count): which points a client's write touched.</summary>
    public IEnumerable<PointLocation> PointsIn(int address, int count) =>
        Models.Where(m => m.Address < address + count && address < m.EndAddress)
            .SelectMany(m => m.Points)
            .Where(p => p.Address < address + count && address < p.Address + p.Size);

    /// <summary>Resolves "704.WSetPct" or "714.Prt[2].DCW"; throws <see cref="SunSpecPointException"/> saying what does not match.</summary>
    public PointLocation Resolve(string name) => Resolve(PointPath.Parse(name));

    public PointLocation Resolve(PointPath path)
    {
        var model = Find(path.ModelId)
            ?? throw new SunSpecPointException($"{path}: this device has no model {path.ModelId} (it has {string.Join(", ", Models.Select(m => m.Id))})");
        if (model.Root is null)
        {
            throw new SunSpecPointException($"{path}: model {model.Id} is not in the catalog, so its points have no names") { UncataloguedModelId = model.Id };
        }

        var group = model.Root;
        for (var i = 0; i < path.Segments.Count - 1; i++)
        {
            group = Enter(path, group, path.Segments[i]);
        }

        var pointName = path.Segments[^1].Name;
        return group.Points.FirstOrDefault(p => p.Definition.Name == pointName)
            ?? group.Points.FirstOrDefault(p => string.Equals(p.Definition.Name, pointName, StringComparison.OrdinalIgnoreCase))
            ?? throw new SunSpecPointException(NoSuch(path, "point", pointName, group.Points.Select(p => p.Definition.Name)
                .Concat(group.Definition.Groups.Select(g => g.Name + (g.Count.Repeats ? "[i]" : "") + "."))));
    }

    private static GroupInstance Enter(PointPath path, GroupInstance group, PointPath.Segment segment)
    {
        var definition = group.Definition.Groups.FirstOrDefault(g => string.Equals(g.Name, segment.Name, StringComparison.OrdinalIgnoreCase))
            ?? throw new SunSpecPointException(NoSuch(path, "group", segment.Name, group.Definition.Groups.Select(g => g.Name)));
        var instances = group.Groups.Where(g => g.Definition == definition).ToList();
        if (!definition.Count.Repeats)
        {
            if (segment.Index is not (null or 1) || instances.Count == 0)
            {
                throw new SunSpecPointException($"{path}: {definition.Name} occurs once; write it without an index");
            }

            return instances[0];
        }

        if (segment.Index is not int index)
        {
            throw new SunSpecPointException($"{path}: {definition.Name} repeats; give a 1-based index, e.g. {definition.Name}[1]");
        }

        if (index < 1 || index > instances.Count)
        {
            throw new SunSpecPointException(instances.Count == 0
                ? $"{path}: this device has no {definition.Name} groups"
                : $"{path}: index {index} is out of range; this device has {definition.Name}[1]..{definition.Name}[{instances.Count}] (indexes start at 1)");
        }

        return instances[index - 1];
    }

    private static string NoSuch(PointPath path, string kind, string name, IEnumerable<string> known) =>
        $"{path}: no {kind} '{name}' here; known: {string.Join(", ", known.Take(40))}";
}
