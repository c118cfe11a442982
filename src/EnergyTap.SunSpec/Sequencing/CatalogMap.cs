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
    public static SunSpecMap For(Sequence sequence, ModelCatalog? catalog = null)
    {
        catalog ??= ModelCatalog.Builtin;
        var names = sequence.Steps.SelectMany(s => s.Writes.Select(w => w.Point).Concat(s.Reads.Select(r => r.Point))
            .Concat(s.WaitFor is { } w ? [w.Point] : [])).Select(PointPath.Parse).ToList();
        var builder = new SunSpecImageBuilder(catalog);
        foreach (var model in names.Select(p => p.ModelId).Distinct().Order())
        {
            if (catalog.Find(model) is not { } definition)
            {
                continue; // Resolving its points then says the model is missing.
            }

            var counts = new Dictionary<string, object?>();
            var repeats = new Dictionary<string, int>();
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
}
