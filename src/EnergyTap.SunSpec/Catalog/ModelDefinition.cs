namespace EnergyTap.SunSpec.Catalog;

/// <summary>A SunSpec information model: its id and its top-level group (whose first points are ID and L).</summary>
public sealed record ModelDefinition(int Id, GroupDefinition Group)
{
    public string Name => Group.Name;

    /// <summary>L of an instance with no repetitions, or null when the length depends on the device.</summary>
    public int? FixedLength => Group.FixedSize - 2;
}
