using EnergyTap.SunSpec.Catalog;

namespace EnergyTap.SunSpec.Points;

/// <summary>
/// Lays a model definition out at an address: every point gets its register address, every repeating group is
/// expanded (count from a fixed number, a count point, or "fill the rest of L"), every scale factor is bound
/// to its sunssf point (same group first, then the enclosing groups up to the model).
/// </summary>
internal sealed class ModelLayout
{
    private readonly ModelDefinition model;
    private readonly Func<PointLocation, long?> integerOf;
    private readonly Func<string, int>? fillCount;
    private readonly int address;
    private readonly int limit;
    private readonly List<Dictionary<string, PointLocation>> scopes = [];
    private int offset;
    private string? problem;

    private ModelLayout(ModelDefinition model, int address, int? length, Func<PointLocation, long?> integerOf, Func<string, int>? fillCount)
    {
        this.model = model;
        this.integerOf = integerOf;
        this.fillCount = fillCount;
        this.address = address;
        offset = address;
        limit = length is int l ? address + 2 + l : int.MaxValue;
    }

    /// <param name="length">The model's L as the device reports it, or null to let the definition decide (image building).</param>
    /// <param name="integerOf">Reads a count point's current value (null when unknown or not implemented).</param>
    /// <param name="fillCount">Repetitions of a count-0 group by its path when there is no L to fill.</param>
    public static ModelInstance Build(ModelDefinition model, int address, int? length, Func<PointLocation, long?> integerOf, Func<string, int>? fillCount = null)
    {
        var layout = new ModelLayout(model, address, length, integerOf, fillCount);
        var root = layout.Lay(model.Group, "", null);
        var actualLength = length ?? layout.offset - address - 2;
        return new ModelInstance(model.Id, address, actualLength, model, root, layout.problem);
    }

    public static ModelInstance Unknown(int id, int address, int length) => new(id, address, length, null, null, null);

    private GroupInstance Lay(GroupDefinition group, string prefix, int? index)
    {
        var local = new Dictionary<string, PointLocation>(StringComparer.Ordinal);
        scopes.Add(local);
        var placed = new List<PointLocation>();
        foreach (var point in group.Points)
        {
            if (offset + point.Size > limit)
            {
                problem ??= $"L={limit - address - 2} is too short for {prefix}{point.Name} and the points after it; they are left out";
                offset += point.Size;
                continue;
            }

            var location = new PointLocation(model.Id, prefix + point.Name, point, offset);
            local[point.Name] = location;
            placed.Add(location);
            offset += point.Size;
        }

        // Scale-factor points may follow the points they scale, so bind them once the group is placed.
        for (var i = 0; i < placed.Count; i++)
        {
            if (placed[i].Definition.ScaleFactor?.PointName is string sfName && Lookup(sfName) is PointLocation sf)
            {
                placed[i] = placed[i] with { ScaleFactorPoint = sf };
                local[placed[i].Definition.Name] = placed[i];
            }
        }

        var groups = new List<GroupInstance>();
        foreach (var sub in group.Groups)
        {
            var count = CountOf(sub, prefix);
            for (var i = 1; i <= count && offset < limit; i++)
            {
                var subIndex = sub.Count.Repeats ? i : (int?)null;
                var subPrefix = $"{prefix}{sub.Name}{(subIndex is int n ? $"[{n}]" : "")}.";
                groups.Add(Lay(sub, subPrefix, subIndex));
            }
        }

        scopes.RemoveAt(scopes.Count - 1);
        return new GroupInstance(group, index, placed, groups);
    }

    private int CountOf(GroupDefinition group, string prefix)
    {
        if (group.Count.PointName is string countName)
        {
            if (Lookup(countName) is not PointLocation countPoint)
            {
                problem ??= $"count point {countName} of group {prefix}{group.Name} is missing";
                return 0;
            }

            var value = integerOf(countPoint) ?? 0;
            return (int)Math.Clamp(value, 0, limit == int.MaxValue ? 1000 : limit - offset);
        }

        if (!group.Count.FillsModel)
        {
            return group.Count.Fixed ?? 1;
        }

        if (limit == int.MaxValue)
        {
            return fillCount?.Invoke(prefix + group.Name) ?? 0;
        }

        var size = group.FixedSize ?? 0;
        return size <= 0 ? 0 : (limit - offset) / size;
    }

    private PointLocation? Lookup(string name)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetValue(name, out var location))
            {
                return location;
            }
        }

        return null;
    }
}
