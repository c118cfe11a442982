namespace EnergyTap.Server.Readings;

/// <summary>How much a reading can be trusted.</summary>
public enum ReadingQuality
{
    /// <summary>Read from the device in the current poll.</summary>
    Fresh,
    /// <summary>The device answered, but with data it flagged as old (cloud valid:false, PVS data not refreshed).</summary>
    Stale,
    /// <summary>The device did not answer; the value is null.</summary>
    Missing,
    /// <summary>
    /// Read in the current poll, but the device's register had overflowed and EnergyTap corrected the value
    /// (the aGate's int16 701 W / 714 DCW wrap above 32.767 kW); as current as <see cref="Fresh"/>.
    /// </summary>
    Corrected,
}

/// <summary>
/// One measured value, in base units (W, Wh, V, A, Hz, %, °C), from one device of one site.
/// <paramref name="Quantity"/> is a snake_case name such as <c>battery_power</c> or <c>inverter_power</c>.
/// </summary>
public sealed record Reading(
    string Site,
    string Device,
    string Quantity,
    double? Value,
    string Unit,
    DateTimeOffset Time,
    ReadingQuality Quality = ReadingQuality.Fresh)
{
    /// <summary>
    /// The value, with IEEE negative zero made plain zero: sign conventions negate device values, and "-0"
    /// in JSON, Prometheus and MQTT reads as a bug to anyone who sees it.
    /// </summary>
    public double? Value { get; init; } = Value is 0 ? 0 : Value;
}
