namespace EnergyTap.SunSpec.Catalog;

/// <summary>
/// A group of points, laid out as its points followed by its sub-groups. A sync group is written and
/// read as one unit (704's PFWInj); a repeating group occurs <see cref="Count"/> times.
/// </summary>
public sealed record GroupDefinition(string Name, IReadOnlyList<PointDefinition> Points, IReadOnlyList<GroupDefinition> Groups)
{
    public GroupCount Count { get; init; } = GroupCount.One;

    public bool IsSync { get; init; }

    /// <summary>Registers of one instance when no sub-group repeats a variable number of times; otherwise null.</summary>
    public int? FixedSize
    {
        get
        {
            var size = Points.Sum(p => p.Size);
            foreach (var group in Groups)
            {
                if (group.Count.Fixed is not int count || count == 0 || group.FixedSize is not int groupSize)
                {
                    return null;
                }

                size += count * groupSize;
            }

            return size;
        }
    }
}
