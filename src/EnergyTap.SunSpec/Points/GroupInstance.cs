using EnergyTap.SunSpec.Catalog;

namespace EnergyTap.SunSpec.Points;

/// <summary>
/// One occurrence of a group in a model instance. <see cref="Index"/> is 1-based for repeating groups and null
/// for a group that occurs once. <see cref="Groups"/> lists every occurrence of every sub-group in register order.
/// </summary>
public sealed record GroupInstance(GroupDefinition Definition, int? Index, IReadOnlyList<PointLocation> Points, IReadOnlyList<GroupInstance> Groups)
{
    public string Name => Definition.Name;
}
