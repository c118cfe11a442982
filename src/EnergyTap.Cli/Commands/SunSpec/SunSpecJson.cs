using EnergyTap.SunSpec.Points;

namespace EnergyTap.Cli.Commands.SunSpec;

/// <summary>
/// The JSON shape of a scan: <c>{"base":0,"models":[{"id":704,"address":296,"length":65,"points":{...},"groups":{...}}]}</c>.
/// Values are scaled, null when not implemented; a repeating group is an array, a group that occurs once an object.
/// </summary>
internal static class SunSpecJson
{
    public static object Scan(SunSpecSnapshot snapshot) => new
    {
        @base = snapshot.Map.BaseAddress,
        models = snapshot.Map.Models.Select(model => Model(snapshot, model)).ToList(),
    };

    private static Dictionary<string, object?> Model(SunSpecSnapshot snapshot, ModelInstance model)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = model.Id,
            ["name"] = model.Definition?.Name,
            ["address"] = model.Address,
            ["length"] = model.Length,
        };
        if (model.Root is null)
        {
            json["raw"] = snapshot.RawData(model);
            return json;
        }

        var (points, groups) = Group(snapshot, model.Root);
        json["points"] = points;
        json["groups"] = groups;
        if (model.Problem is not null)
        {
            json["problem"] = model.Problem;
        }

        return json;
    }

    private static (Dictionary<string, object?> Points, Dictionary<string, object?> Groups) Group(SunSpecSnapshot snapshot, GroupInstance group)
    {
        var points = group.Points.Where(p => p.Type != EnergyTap.SunSpec.Catalog.PointType.Pad && p.Name is not ("ID" or "L"))
            .ToDictionary(p => p.Definition.Name, p => snapshot.Read(p).Value);
        var groups = new Dictionary<string, object?>();
        foreach (var byName in group.Groups.GroupBy(g => g.Name))
        {
            var instances = byName.Select(g => Flat(snapshot, g)).ToList();
            groups[byName.Key] = byName.First().Definition.Count.Repeats ? instances : instances[0];
        }

        return (points, groups);
    }

    /// <summary>A group instance as one object: its points, then its sub-groups by name.</summary>
    private static Dictionary<string, object?> Flat(SunSpecSnapshot snapshot, GroupInstance group)
    {
        var (points, groups) = Group(snapshot, group);
        foreach (var (name, value) in groups)
        {
            points[name] = value;
        }

        return points;
    }
}
