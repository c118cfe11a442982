using EnergyTap.SunSpec.Catalog;
using EnergyTap.SunSpec.Images;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.SunSpec.Sequencing;

/// <summary>
/// A map laid out from the catalog alone, for checking a sequence without a device: one instance of every model the
/// sequence names, with as many repeating groups as its highest index asks for.
/// </summary>
public static class CatalogMap
{
    /// <summary>Registers a catalog image has for its models: it starts at 40000, ends below 65536, and has 4 marker registers.</summary>
    private const int ImageRegisters = 65536 - 40000 - 4;

    public static SunSpecMap For(Sequence sequence, ModelCatalog? catalog = null)
    {
        catalog ??= ModelCatalog.Builtin;
        var names = sequence.Steps.SelectMany(s => s.Writes.Select(w => w.Point).Concat(s.Reads.Select(r => r.Point))
            .Concat(s.WaitFor is { } w ? [w.Point] : [])).Select(PointPath.Parse).ToList();
        var builder = new SunSpecImageBuilder(catalog);
        var budget = (long)ImageRegisters;
        foreach (var model in names.Select(p => p.ModelId).Distinct().Order())
        {
            if (catalog.Find(model) is not { } definition)
            {
                continue; // Resolving its points then says the model is missing.
            }

            budget -= 2 + FixedLength(definition.Group);
            var counts = new Dictionary<string, object?>();
            var repeats = new Dictionary<string, int>();
            var laidOut = new Dictionary<string, long>();
            foreach (var path in names.Where(p => p.ModelId == model))
            {
                var group = definition.Group;
                var prefix = "";
                foreach (var segment in path.Segments.SkipLast(1))
                {
                    var sub = group.Groups.FirstOrDefault(g => string.Equals(g.Name, segment.Name, StringComparison.OrdinalIgnoreCase));
                    if (sub is null || segment.Index is not int index || index < 1)
                    {
                        break;
                    }

                    // An instance no device image could hold (Prt[99999]) is not laid out; resolving it then reports
                    // a missing point at its line, instead of the image builder failing on the whole map.
                    var registers = (long)index * InstanceLength(sub);
                    var extra = registers - laidOut.GetValueOrDefault(prefix + sub.Name);
                    if (extra > budget)
                    {
                        break;
                    }

                    if (extra > 0)
                    {
                        laidOut[prefix + sub.Name] = registers;
                        budget -= extra;
                    }

                    // Counts live in the enclosing group; nested counts are rare enough to lay out once.
                    if (sub.Count.PointName is string countPoint && prefix.Length == 0)
                    {
                        counts[countPoint] = Math.Max(index, counts.GetValueOrDefault(countPoint) is int c ? c : 0);
                    }
                    else if (sub.Count.FillsModel)
                    {
                        repeats[prefix + sub.Name] = Math.Max(index, repeats.GetValueOrDefault(prefix + sub.Name));
                    }

                    prefix += $"{sub.Name}[{index}].";
                    group = sub;
                }
            }

            builder.Add(model, counts, repeats);
        }

        return builder.Build().Map;
    }

    private static int InstanceLength(GroupDefinition group) => Math.Max(1, group.FixedSize ?? group.Points.Sum(p => p.Size));

    /// <summary>The registers of a model's points and of its groups that occur a fixed number of times.</summary>
    private static int FixedLength(GroupDefinition model) =>
        model.Points.Sum(p => p.Size) + model.Groups.Where(g => g.Count.Fixed > 0).Sum(g => g.Count.Fixed!.Value * InstanceLength(g));
}
