using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.Model;

/// <summary>
/// One device the PVS knows, from either API generation. Typed properties cover the documented fields;
/// <see cref="Fields"/> keeps every field exactly as received (protocol spelling, raw text), known or not.
/// </summary>
public abstract record PvsDevice
{
    public required string Serial { get; init; }

    public abstract PvsDeviceKind Kind { get; }

    /// <summary>DEVICE_TYPE as sent (e.g. "Power Meter"); varserver devices get the dl_cgi equivalent.</summary>
    public string? DeviceType { get; init; }

    public string? Model { get; init; }

    /// <summary>TYPE, e.g. PVS5-METER-P, SOLARBRIDGE, EQUINOX-MIO.</summary>
    public string? Type { get; init; }

    public string? Description { get; init; }

    public PvsDeviceState State { get; init; }

    /// <summary>STATE text as sent ("working", "error"); null on varserver, which has no per-device state.</summary>
    public string? StateText { get; init; }

    public string? SoftwareVersion { get; init; }

    public string? HardwareVersion { get; init; }

    public string? Port { get; init; }

    public string? Parent { get; init; }

    /// <summary>When the values last changed (DATATIME, or varserver's msmtEps), UTC.</summary>
    public DateTimeOffset? DataTime { get; init; }

    /// <summary>The PVS clock when it answered (CURTIME), UTC.</summary>
    public DateTimeOffset? CurrentTime { get; init; }

    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();

    /// <summary>A field by any of its spellings (dl_cgi snake_case first, then varserver camelCase).</summary>
    public string? Field(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (Fields.TryGetValue(name, out var value) && value is not null)
            {
                return value;
            }
        }

        return null;
    }

    protected Quantity? Q(PvsUnit unit, params ReadOnlySpan<string> names) => Quantity.Of(PvsValues.ParseNumber(Field(names)), unit);

    protected double? N(params ReadOnlySpan<string> names) => PvsValues.ParseNumber(Field(names));

    protected long? I(params ReadOnlySpan<string> names) => PvsValues.ParseInteger(Field(names));
}
