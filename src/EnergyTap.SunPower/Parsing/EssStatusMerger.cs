using System.Globalization;
using System.Text.Json;
using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower.Parsing;

/// <summary>
/// Legacy firmware lists the SunVault in DeviceList without a single metric; its state of charge and power come
/// only from dl_cgi/energy-storage-system/status. They are merged into the Energy Storage System entries under
/// the varserver field names (socVal as a fraction, p3phsumKw), so both generations give one device model.
/// </summary>
internal static class EssStatusMerger
{
    public static IReadOnlyList<PvsDevice> Merge(IReadOnlyList<PvsDevice> devices, JsonElement status)
    {
        if (!status.TryGetProperty("ess_report", out var report) || report.ValueKind != JsonValueKind.Object)
        {
            return devices;
        }

        // socVal is a fraction; the status says its unit ("%" on the firmware seen), so a percent is divided.
        var socs = Values(report, "battery_status", "state_of_charge").Select(r => r.Unit == "%" ? r.Value / 100 : r.Value).ToList();
        var powers = report.TryGetProperty("ess_status", out var systems) && systems.ValueKind == JsonValueKind.Array
            ? systems.EnumerateArray().Select(s => s.TryGetProperty("ess_meter_reading", out var meter) ? Number(meter, "agg_power") : null).ToList()
            : [];
        var added = new Dictionary<string, string?>();
        if (socs.Count > 0)
        {
            added["socVal"] = Text(socs.Average());
        }

        if (powers.Where(p => p is not null).Select(p => p!.Value).ToList() is { Count: > 0 } present)
        {
            added["p3phsumKw"] = Text(present.Sum());
        }

        if (added.Count == 0)
        {
            return devices;
        }

        return devices.Select(d => d is PvsEnergyStorageSystem system
            ? system with { Fields = new Dictionary<string, string?>(system.Fields.Concat(added.Where(a => !system.Fields.ContainsKey(a.Key)))) }
            : d).ToList();
    }

    private static IEnumerable<(double Value, string? Unit)> Values(JsonElement report, string list, string name) =>
        report.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
                .Where(item => Number(item, name) is not null)
                .Select(item => (Number(item, name)!.Value, item.GetProperty(name).TryGetProperty("unit", out var unit) ? unit.GetString() : null))
            : [];

    /// <summary>A {"value": 61.2, "unit": "%"} reading (the value may be a number or a numeric string).</summary>
    private static double? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var reading) && reading.ValueKind == JsonValueKind.Object && reading.TryGetProperty("value", out var value)
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : PvsValues.ParseNumber(value.ValueKind == JsonValueKind.String ? value.GetString() : null)
            : null;

    private static string Text(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
