using System.Globalization;

namespace EnergyTap.SunPower.Model;

/// <summary>Units the PVS reports in. kW and kWh stay kW and kWh: converting is the consumer's choice.</summary>
public enum PvsUnit
{
    Kilowatt,
    KilowattHour,
    KilovoltAmpere,
    KilovoltAmpereReactive,
    Volt,
    Ampere,
    Hertz,
    Celsius,
    Percent,
    Ratio,
    Second,
    Minute,
    Kibibyte,
}

/// <summary>A measured value with its unit, e.g. 1.9867 kW.</summary>
public readonly record struct Quantity(double Value, PvsUnit Unit)
{
    public string Symbol => Unit switch
    {
        PvsUnit.Kilowatt => "kW",
        PvsUnit.KilowattHour => "kWh",
        PvsUnit.KilovoltAmpere => "kVA",
        PvsUnit.KilovoltAmpereReactive => "kvar",
        PvsUnit.Volt => "V",
        PvsUnit.Ampere => "A",
        PvsUnit.Hertz => "Hz",
        PvsUnit.Celsius => "°C",
        PvsUnit.Percent => "%",
        PvsUnit.Ratio => "",
        PvsUnit.Second => "s",
        PvsUnit.Minute => "min",
        PvsUnit.Kibibyte => "KiB",
        _ => "",
    };

    public override string ToString() =>
        Symbol.Length == 0
            ? Value.ToString("0.###", CultureInfo.InvariantCulture)
            : $"{Value.ToString("0.###", CultureInfo.InvariantCulture)} {Symbol}";

    public static Quantity? Of(double? value, PvsUnit unit) => value is { } v ? new Quantity(v, unit) : null;

    /// <summary>Adds quantities of one unit; null when there is nothing to add.</summary>
    public static Quantity? Sum(IEnumerable<Quantity?> values, PvsUnit unit)
    {
        double total = 0;
        var any = false;
        foreach (var value in values)
        {
            if (value is { } q)
            {
                total += q.Value;
                any = true;
            }
        }

        return any ? new Quantity(total, unit) : null;
    }
}
