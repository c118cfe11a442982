using System.Globalization;
using System.Text;
using EnergyTap.Cli.Infrastructure;
using Spectre.Console;

namespace EnergyTap.Cli.Commands.History;

/// <summary>How history leaves the program.</summary>
internal enum OutputFormat
{
    Csv,
    Json,
    Table,
}

/// <summary>One output column: its name and how to get its value from a row.</summary>
internal sealed record Column<T>(string Name, Func<T, object?> Value);

/// <summary>Writes rows as CSV (RFC 4180), a JSON array of objects, or a table, with the same columns in each.</summary>
internal static class TabularOutput
{
    public static void Write<T>(IReadOnlyList<T> rows, IReadOnlyList<Column<T>> columns, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                Output.WriteJson(rows.Select(row => columns.ToDictionary(c => c.Name, c => JsonValue(c.Value(row)))).ToList());
                break;
            case OutputFormat.Table:
                var table = new Table().Border(TableBorder.Simple);
                foreach (var column in columns)
                {
                    table.AddColumn(new TableColumn(Markup.Escape(column.Name)));
                }

                foreach (var row in rows)
                {
                    table.AddRow(columns.Select(c => Markup.Escape(Text(c.Value(row)))).ToArray());
                }

                AnsiConsole.Write(table);
                break;
            default:
                var csv = new StringBuilder();
                csv.AppendJoin(',', columns.Select(c => Csv(c.Name))).Append('\n');
                foreach (var row in rows)
                {
                    csv.AppendJoin(',', columns.Select(c => Csv(Text(c.Value(row))))).Append('\n');
                }

                Console.Out.Write(csv.ToString());
                break;
        }
    }

    /// <summary>Times print as ISO 8601 UTC with milliseconds, numbers in the invariant culture, null as empty.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object? JsonValue(object? value) => value is DateTimeOffset ? Text(value) : value;

    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
