using System.Text;
using System.Text.RegularExpressions;
using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.Varserver;

/// <summary>
/// Turns varserver variables into the same device model as DeviceList. Accepts both shapes the firmware has
/// used: flat /sys/devices/&lt;type&gt;/&lt;i&gt;/&lt;field&gt; (current) and one JSON object per device under
/// /sys/devices/&lt;n&gt;/&lt;type&gt;/data (build 61840). Field names keep varserver's spelling in
/// <see cref="PvsDevice.Fields"/>; the typed properties read either spelling.
/// </summary>
public static partial class VarserverDeviceMapper
{
    // Indexes are ASCII digits, at most nine of them, so int.Parse always succeeds (\d would also match "٣", and
    // eleven digits overflow); a variable with any other index is not a device variable.
    [GeneratedRegex(@"^/sys/devices/(?<type>[A-Za-z_]+)/(?<index>[0-9]{1,9})/(?<field>[^/]+)$")]
    private static partial Regex FlatVariable();

    [GeneratedRegex(@"^/sys/devices/(?<index>[0-9]{1,9})/(?<type>[A-Za-z_]+)/data$")]
    private static partial Regex PerDeviceVariable();

    public static IReadOnlyList<PvsDevice> MapDevices(IReadOnlyDictionary<string, string?> variables)
    {
        var groups = new SortedDictionary<(string Type, int Index), Dictionary<string, string?>>();
        foreach (var (name, value) in variables)
        {
            if (FlatVariable().Match(name) is { Success: true } flat)
            {
                Group(groups, flat.Groups["type"].Value, int.Parse(flat.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture))[flat.Groups["field"].Value] = value;
            }
            else if (PerDeviceVariable().Match(name) is { Success: true } perDevice && value is not null)
            {
                var fields = Group(groups, perDevice.Groups["type"].Value, int.Parse(perDevice.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture));
                foreach (var (field, fieldValue) in ObjectFields(value))
                {
                    fields[field] = fieldValue;
                }
            }
        }

        var devices = new List<PvsDevice>();
        foreach (var ((type, _), fields) in groups)
        {
            fields.TryAdd("DEVICE_TYPE", DeviceTypeOf(type));
            devices.Add(PvsDeviceFactory.Create(fields));
        }

        return devices;
    }

    /// <summary>The supervisor from /sys/info/* (serialnum, model, sw_rev, uptime, cpu/ram/flash usage …).</summary>
    public static PvsSupervisor? MapSupervisor(IReadOnlyDictionary<string, string?> variables)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            if (name.StartsWith("/sys/info/", StringComparison.Ordinal))
            {
                fields[name["/sys/info/".Length..]] = value;
            }
        }

        if (fields.Count == 0)
        {
            return null;
        }

        fields["DEVICE_TYPE"] = "PVS";
        Alias(fields, "serialnum", "SERIAL");
        Alias(fields, "model", "MODEL");
        Alias(fields, "sw_rev", "SWVER");
        Alias(fields, "hwrev", "HWVER");
        return PvsDeviceFactory.Create(fields) as PvsSupervisor;
    }

    private static void Alias(Dictionary<string, string?> fields, string from, string to)
    {
        if (fields.TryGetValue(from, out var value))
        {
            fields.TryAdd(to, value);
        }
    }

    private static Dictionary<string, string?> Group(SortedDictionary<(string, int), Dictionary<string, string?>> groups, string type, int index)
    {
        var key = (type.ToLowerInvariant(), index);
        if (!groups.TryGetValue(key, out var fields))
        {
            fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            groups[key] = fields;
        }

        return fields;
    }

    private static Dictionary<string, string?> ObjectFields(string json)
    {
        try
        {
            using var document = PvsJson.Parse(Encoding.UTF8.GetBytes(json), "device data");
            return PvsJson.Fields(document.RootElement);
        }
        catch (PvsProtocolException)
        {
            return [];
        }
    }

    private static string DeviceTypeOf(string varserverType) => varserverType.ToLowerInvariant() switch
    {
        "inverter" => "Inverter",
        "meter" => "Power Meter",
        "ess" => "Energy Storage System",
        "transfer_switch" => "HUB+",
        "pvs" or "supervisor" => "PVS",
        "pv_disconnect" => "PV Disconnect",
        "battery" => "Battery",
        "gateway" => "Gateway",
        _ => varserverType,
    };
}
