using System.Collections.Frozen;
using System.Text;

namespace EnergyTap.Server.Readings;

/// <summary>
/// The quantities EnergyTap readings carry, with their base units and their names in Prometheus and
/// Home Assistant. Sign conventions: <c>grid_power</c> positive = import from the grid;
/// <c>battery_power</c> and <c>battery_current</c> positive = discharging (the FranklinWH cloud's
/// <c>p_fhp</c> convention: negative = charging). Unknown quantities are described generically
/// (a gauge with no Home Assistant device_class) so new adapters never break the outputs.
/// </summary>
public static class QuantityCatalog
{
    /// <summary>Prefix of every metric derived from a reading.</summary>
    public const string MetricPrefix = "energytap_";

    private static readonly FrozenDictionary<string, string> UnitSuffixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["W"] = "watts",
        // Prometheus' base unit for energy is the joule (promtool flags *_watt_hours); values are scaled by 3600.
        ["Wh"] = "joules",
        ["V"] = "volts",
        ["A"] = "amperes",
        ["Hz"] = "hertz",
        // Kept 0–100 (not a 0–1 ratio) so Prometheus, Home Assistant and the vendor apps show the same number.
        ["%"] = "percent",
        ["°C"] = "celsius",
        ["s"] = "seconds",
        ["VA"] = "volt_amperes",
        ["var"] = "volt_amperes_reactive",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, QuantityInfo> KnownQuantities = BuildKnown();

    /// <summary>Every quantity the catalog knows, keyed by quantity name.</summary>
    public static IReadOnlyDictionary<string, QuantityInfo> Known => KnownQuantities;

    /// <summary>
    /// Describes <paramref name="quantity"/> measured in <paramref name="unit"/>. A known quantity in its base
    /// unit gets its catalog entry; anything else (unknown name, or a unit other than the catalogued one) a
    /// generic gauge whose metric name carries the actual unit, so values are never mislabelled.
    /// </summary>
    public static QuantityInfo Describe(string quantity, string unit)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        ArgumentNullException.ThrowIfNull(unit);
        if (KnownQuantities.TryGetValue(quantity, out var known) && known.Unit == unit)
        {
            return known;
        }

        var description = unit.Length == 0 ? $"EnergyTap reading {quantity}." : $"EnergyTap reading {quantity} in {unit}.";
        return new QuantityInfo(quantity, unit, QuantityKind.Gauge, description,
            MetricName(quantity, unit, QuantityKind.Gauge), DeviceClass: null, StateClass: "measurement", IsKnown: false);
    }

    /// <summary>
    /// The Prometheus name for a quantity: <c>energytap_&lt;quantity&gt;_&lt;unit&gt;</c>, plus <c>_total</c>
    /// for running totals (e.g. <c>energytap_solar_energy_joules_total</c>; see <see cref="MetricScale"/>).
    /// </summary>
    public static string MetricName(string quantity, string unit, QuantityKind kind)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        ArgumentNullException.ThrowIfNull(unit);
        var name = new StringBuilder(MetricPrefix);
        AppendSanitized(name, quantity);
        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.ToString().EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name.Append('_').Append(suffix);
        }

        if (kind == QuantityKind.Counter)
        {
            name.Append("_total");
        }

        return name.ToString();
    }

    /// <summary>
    /// The factor from a reading's unit to its Prometheus base unit: 3600 for Wh (exposed as joules), else 1.
    /// </summary>
    public static double MetricScale(string unit) => unit == "Wh" ? 3600 : 1;

    /// <summary>The Prometheus base-unit word for a unit symbol ("W" → "watts"); unknown units are sanitized.</summary>
    public static string UnitSuffix(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (UnitSuffixes.TryGetValue(unit, out var suffix))
        {
            return suffix;
        }

        var sanitized = new StringBuilder();
        AppendSanitized(sanitized, unit.ToLowerInvariant());
        return sanitized.ToString().Trim('_');
    }

    private static void AppendSanitized(StringBuilder target, string text)
    {
        foreach (var c in text)
        {
            target.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }
    }

    private static FrozenDictionary<string, QuantityInfo> BuildKnown()
    {
        var entries = new List<QuantityInfo>();

        void Gauge(string quantity, string unit, string? deviceClass, string description) =>
            entries.Add(new QuantityInfo(quantity, unit, QuantityKind.Gauge, description,
                MetricName(quantity, unit, QuantityKind.Gauge), deviceClass, "measurement", IsKnown: true));

        void Total(string quantity, string unit, string deviceClass, string description) =>
            entries.Add(new QuantityInfo(quantity, unit, QuantityKind.Counter, description,
                MetricName(quantity, unit, QuantityKind.Counter), deviceClass, "total_increasing", IsKnown: true));

        // Site power flow.
        Gauge("solar_power", "W", "power", "Solar production power in watts.");
        Gauge("home_load_power", "W", "power", "Home consumption power in watts.");
        Gauge("grid_power", "W", "power", "Grid power in watts; positive = import from the grid, negative = export.");
        Gauge("battery_power", "W", "power", "Battery power in watts; positive = discharging, negative = charging.");
        Gauge("generator_power", "W", "power", "Generator output power in watts.");
        Gauge("v2l_power", "W", "power", "Vehicle-to-load (V2L) power in watts.");

        // Grid state: 1 on the grid, 0 in an outage (aGate 701 St, FranklinWH cloud).
        entries.Add(new QuantityInfo("grid_connected", "", QuantityKind.Gauge,
            "1 while the site is connected to the utility grid, 0 during an outage (off grid).",
            MetricName("grid_connected", "", QuantityKind.Gauge), "connectivity", "measurement", IsKnown: true) { IsBinary = true });

        // Battery.
        Gauge("battery_soc", "%", "battery", "Battery state of charge in percent (0-100).");
        Gauge("battery_soh", "%", null, "Battery state of health in percent (0-100).");
        Gauge("battery_reserve_soc", "%", null, "Battery backup reserve setting in percent (0-100).");
        Gauge("battery_voltage", "V", "voltage", "Battery DC voltage in volts.");
        Gauge("battery_current", "A", "current", "Battery DC current in amperes; positive = discharging, negative = charging.");
        Gauge("battery_temperature", "°C", "temperature", "Battery temperature in degrees Celsius.");

        // Inverters (PVS microinverters, aGate PCS).
        Gauge("inverter_power", "W", "power", "Inverter AC output power in watts.");
        Gauge("inverter_dc_voltage", "V", "voltage", "Inverter DC input voltage in volts.");
        Gauge("inverter_dc_current", "A", "current", "Inverter DC input current in amperes.");
        Gauge("inverter_ac_voltage", "V", "voltage", "Inverter AC voltage in volts.");
        Gauge("inverter_frequency", "Hz", "frequency", "Inverter AC frequency in hertz.");
        Gauge("inverter_temperature", "°C", "temperature", "Inverter heatsink temperature in degrees Celsius.");

        // Meters.
        Gauge("meter_power", "W", "power", "Meter real power in watts; consumption meters: positive = import.");
        Gauge("meter_voltage", "V", "voltage", "Meter AC voltage in volts.");
        Gauge("meter_current", "A", "current", "Meter AC current in amperes.");
        Gauge("meter_frequency", "Hz", "frequency", "Meter AC frequency in hertz.");

        // Supervisor and collector health.
        Gauge("ambient_temperature", "°C", "temperature", "Ambient temperature at the device in degrees Celsius.");
        Gauge("poll_duration", "s", "duration", "Duration of the device's latest poll in seconds.");
        Total("supervisor_uptime", "s", "duration", "Supervisor uptime in seconds; drops when it reboots.");

        // Energy totals (Home Assistant Energy dashboard needs total_increasing Wh counters).
        Total("inverter_energy", "Wh", "energy", "Energy produced by the inverter in watt-hours (lifetime).");
        Total("meter_energy_import", "Wh", "energy", "Energy imported through the meter in watt-hours.");
        Total("meter_energy_export", "Wh", "energy", "Energy exported through the meter in watt-hours.");
        Total("solar_energy", "Wh", "energy", "Solar energy produced in watt-hours.");
        Total("home_load_energy", "Wh", "energy", "Energy consumed by the home in watt-hours.");
        Total("grid_energy_import", "Wh", "energy", "Energy imported from the grid in watt-hours.");
        Total("grid_energy_export", "Wh", "energy", "Energy exported to the grid in watt-hours.");
        Total("battery_energy_charged", "Wh", "energy", "Energy charged into the battery in watt-hours.");
        Total("battery_energy_discharged", "Wh", "energy", "Energy discharged from the battery in watt-hours.");
        Total("generator_energy", "Wh", "energy", "Energy produced by the generator in watt-hours.");

        return entries.ToFrozenDictionary(e => e.Quantity, StringComparer.Ordinal);
    }
}
