using System.Globalization;
using System.Text.Json;
using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.GridProfiles;

/// <summary>Parses GridProfileGet and GridProfileRefresh (and the REST grid/profile(s) paths, same shapes).</summary>
public static class GridProfileParser
{
    public static GridProfileStatus ParseStatus(JsonElement root)
    {
        PvsJson.EnsureSucceeded(root, "GridProfileGet");
        return new GridProfileStatus(
            PvsJson.String(root, "active_id"),
            PvsJson.String(root, "active_name"),
            PvsJson.String(root, "pending_id"),
            PvsJson.String(root, "pending_name"),
            PvsJson.Number(root, "percent"),
            PvsJson.String(root, "supported_by"),
            PvsJson.String(root, "status"));
    }

    /// <summary>Accepts {"profiles":[...]}, any object holding one array of profiles, or a bare array.</summary>
    public static IReadOnlyList<GridProfile> ParseProfiles(JsonElement root)
    {
        PvsJson.EnsureSucceeded(root, "GridProfileRefresh");
        var array = root.ValueKind == JsonValueKind.Array ? root : FindProfileArray(root);
        if (array is not { } items)
        {
            throw new PvsProtocolException("GridProfileRefresh: the answer holds no list of profiles");
        }

        var list = new List<GridProfile>();
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && PvsJson.String(item, "id") is { } id)
            {
                var (ranges, codes) = Zips(item);
                list.Add(new GridProfile(id, PvsJson.String(item, "name"), PvsJson.String(item, "filename"),
                    PvsJson.Flag(item, "default") ?? false, PvsJson.Flag(item, "selfsupply"), ranges, codes));
            }
        }

        return list;
    }

    private static JsonElement? FindProfileArray(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("profiles", out var profiles) && profiles.ValueKind == JsonValueKind.Array)
        {
            return profiles;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out _)))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static (List<ZipRange> Ranges, List<int> Codes) Zips(JsonElement profile)
    {
        var ranges = new List<ZipRange>();
        var codes = new List<int>();
        if (!profile.TryGetProperty("zipcodes", out var zips) || zips.ValueKind != JsonValueKind.Array)
        {
            return (ranges, codes);
        }

        foreach (var zip in zips.EnumerateArray())
        {
            if (zip.ValueKind == JsonValueKind.Object)
            {
                var min = PvsValues.ParseInteger(PvsJson.String(zip, "min"));
                var max = PvsValues.ParseInteger(PvsJson.String(zip, "max"));
                ranges.Add(new ZipRange(min is { } a ? (int)a : null, max is { } b ? (int)b : null));
            }
            else if (int.TryParse(PvsValues.Text(zip), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            {
                codes.Add(code);
            }
        }

        return (ranges, codes);
    }
}
