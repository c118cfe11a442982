using System.Globalization;
using EnergyTap.SunPower.Model;
using Spectre.Console;

namespace EnergyTap.Cli.Commands.Pvs;

/// <summary>How PVS values look in tables: units shown, "-" where the PVS gave nothing.</summary>
internal static class PvsFormat
{
    public static string Q(Quantity? quantity) => quantity?.ToString() ?? "-";

    public static string T(string? text) => string.IsNullOrEmpty(text) ? "-" : Markup.Escape(text);

    public static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "-";

    public static string N(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-";

    public static string State(PvsDevice device) => device.StateText ?? (device is PvsInverter { IsWorking: true } ? "reporting" : "-");

    public static Table Table(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }

    /// <summary>Two-column name/value table.</summary>
    public static Table Pairs(string title, IEnumerable<(string Name, string Value)> rows)
    {
        var table = Table(title, "Field", "Value");
        foreach (var (name, value) in rows)
        {
            table.AddRow(Markup.Escape(name), value);
        }

        return table;
    }
}
