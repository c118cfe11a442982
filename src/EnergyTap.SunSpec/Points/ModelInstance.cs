using EnergyTap.SunSpec.Catalog;

namespace EnergyTap.SunSpec.Points;

/// <summary>
/// A model as found on a device: <see cref="Address"/> is the PDU address of its ID register and <see cref="Length"/>
/// its L (registers after ID and L). <see cref="Definition"/> is null for a model id the catalog does not know;
/// such a model keeps its place in the chain but has no points.
/// </summary>
public sealed class ModelInstance
{
    private readonly Dictionary<string, PointLocation> byName;

    internal ModelInstance(int id, int address, int length, ModelDefinition? definition, GroupInstance? root, string? problem)
    {
        Id = id;
        Address = address;
        Length = length;
        Definition = definition;
        Root = root;
        Problem = problem;
        Points = root is null ? [] : [.. Flatten(root)];
        byName = new(StringComparer.Ordinal);
        foreach (var point in Points)
        {
            byName.TryAdd(point.Name, point);
        }
    }

    public int Id { get; }

    public int Address { get; }

    public int Length { get; }

    public ModelDefinition? Definition { get; }

    /// <summary>The model's top-level group with every (repeated) sub-group laid out; null for an unknown model.</summary>
    public GroupInstance? Root { get; }

    /// <summary>Every point in register order, including ID and L.</summary>
    public IReadOnlyList<PointLocation> Points { get; }

    /// <summary>Why the layout differs from the definition (a length shorter than the points need), or null.</summary>
    public string? Problem { get; }

    /// <summary>PDU address of the first data register (after ID and L).</summary>
    public int DataAddress => Address + 2;

    /// <summary>One past the model's last register: where the next model header starts.</summary>
    public int EndAddress => Address + 2 + Length;

    public string Name => Definition?.Name ?? "unknown";

    public PointLocation? Find(string name) =>
        byName.GetValueOrDefault(name) ?? Points.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"model {Id} @{Address} L={Length}";

    private static IEnumerable<PointLocation> Flatten(GroupInstance group) =>
        group.Points.Concat(group.Groups.SelectMany(Flatten));
}
