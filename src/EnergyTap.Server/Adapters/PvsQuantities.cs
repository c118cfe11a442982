using EnergyTap.SunPower.Model;

namespace EnergyTap.Server.Adapters;

/// <summary>Turns the PVS's kW/kWh quantities into EnergyTap base units.</summary>
internal static class PvsQuantities
{
    public static ReadingBuilder Add(this ReadingBuilder readings, string quantity, Quantity? value, string? device = null)
    {
        if (value is not { } q)
        {
            return readings;
        }

        var (scale, unit) = q.Unit switch
        {
            PvsUnit.Kilowatt => (1000.0, "W"),
            PvsUnit.KilowattHour => (1000.0, "Wh"),
            PvsUnit.KilovoltAmpere => (1000.0, "VA"),
            PvsUnit.KilovoltAmpereReactive => (1000.0, "var"),
            PvsUnit.Volt => (1.0, "V"),
            PvsUnit.Ampere => (1.0, "A"),
            PvsUnit.Hertz => (1.0, "Hz"),
            PvsUnit.Celsius => (1.0, "°C"),
            PvsUnit.Percent => (1.0, "%"),
            PvsUnit.Ratio => (100.0, "%"),
            PvsUnit.Second => (1.0, "s"),
            PvsUnit.Minute => (60.0, "s"),
            PvsUnit.Kibibyte => (1024.0, "B"),
            _ => (1.0, q.Symbol),
        };
        return readings.Add(quantity, q.Value * scale, unit, device);
    }
}
