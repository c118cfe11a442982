namespace EnergyTap.Server.Readings;

/// <summary>Whether a quantity is a level that goes up and down or a running total.</summary>
public enum QuantityKind
{
    /// <summary>A level sampled now (power, voltage, state of charge).</summary>
    Gauge,

    /// <summary>
    /// A running total kept by the device (energy, uptime). It only grows, except when the device
    /// resets it (FranklinWH cloud daily kWh counters reset at local midnight); consumers treat a drop as a reset.
    /// </summary>
    Counter,
}

/// <summary>
/// What EnergyTap knows about one quantity: its base unit and how monitoring outputs name and classify it.
/// </summary>
/// <param name="Quantity">snake_case reading quantity, e.g. <c>battery_power</c>.</param>
/// <param name="Unit">Base unit of the values (W, Wh, V, A, Hz, %, °C, s).</param>
/// <param name="Kind">Gauge or running total.</param>
/// <param name="Description">One sentence for people: Prometheus HELP text, including sign conventions.</param>
/// <param name="MetricName">Prometheus metric name, e.g. <c>energytap_battery_power_watts</c>.</param>
/// <param name="DeviceClass">Home Assistant sensor device_class, or null when none fits.</param>
/// <param name="StateClass">Home Assistant state_class: <c>measurement</c> or <c>total_increasing</c>.</param>
/// <param name="IsKnown">False for quantities that are not in the catalog (described generically).</param>
public sealed record QuantityInfo(
    string Quantity,
    string Unit,
    QuantityKind Kind,
    string Description,
    string MetricName,
    string? DeviceClass,
    string StateClass,
    bool IsKnown)
{
    /// <summary>
    /// A 1/0 state rather than a measurement (e.g. <c>grid_connected</c>): Home Assistant gets a binary_sensor
    /// (payload_on "1", payload_off "0") with <see cref="DeviceClass"/>; Prometheus a 0/1 gauge.
    /// </summary>
    public bool IsBinary { get; init; }

    /// <summary>Multiply a reading's value by this to get the Prometheus sample (3600 for Wh → joules, else 1).</summary>
    public double MetricScale => QuantityCatalog.MetricScale(Unit);

    /// <summary>A human name such as "Battery power" (Home Assistant entity name).</summary>
    public string DisplayName
    {
        get
        {
            var words = string.Join(' ', Quantity.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(Spelled));
            return words.Length == 0 ? Quantity : char.ToUpperInvariant(words[0]) + words[1..];
        }
    }

    /// <summary>Abbreviations in quantity names, written out or capitalised as people read them on a dashboard.</summary>
    private static string Spelled(string word) => word switch
    {
        "soc" => "state of charge",
        "soh" => "state of health",
        "pv" or "ac" or "dc" or "v2l" or "mppt" or "ess" => word.ToUpperInvariant(),
        _ => word,
    };
}
