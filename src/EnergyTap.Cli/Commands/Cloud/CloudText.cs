using System.Globalization;

namespace EnergyTap.Cli.Commands.Cloud;

/// <summary>Plain aligned "label  value" lines for the cloud commands' human output.</summary>
internal static class CloudText
{
    public static void Rows(params (string Label, string Value)[] rows)
    {
        var width = rows.Max(r => r.Label.Length) + 2;
        foreach (var (label, value) in rows)
        {
            Console.Out.WriteLine(label.PadRight(width) + value);
        }
    }

    public static string Kw(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + " kW" : "n/a";

    public static string Kwh(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + " kWh" : "n/a";

    public static string Pct(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + " %" : "n/a";

    public static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "n/a" };

    public static string Raw(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "n/a";
}
