using System.Globalization;
using System.Text;

namespace EnergyTap.Server.Metrics;

/// <summary>Low-level pieces of the Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusText
{
    /// <summary>HELP text escapes backslash and line feed.</summary>
    public static string EscapeHelp(string help) =>
        help.Contains('\\', StringComparison.Ordinal) || help.Contains('\n', StringComparison.Ordinal)
            ? help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            : help;

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static void AppendLabelValue(StringBuilder target, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': target.Append("\\\\"); break;
                case '"': target.Append("\\\""); break;
                case '\n': target.Append("\\n"); break;
                default: target.Append(c); break;
            }
        }
    }

    /// <summary>
    /// Renders <c>name="value",…</c> pairs (without braces) once per series, so scrapes only copy strings.
    /// </summary>
    public static string RenderLabelPairs(IReadOnlyList<string> names, IReadOnlyList<string> values)
    {
        var text = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(names[i]).Append("=\"");
            AppendLabelValue(text, values[i]);
            text.Append('"');
        }

        return text.ToString();
    }

    /// <summary>Writes a sample value: Go-parsable floats, NaN, +Inf and -Inf.</summary>
    public static void WriteValue(TextWriter writer, double value)
    {
        if (double.IsNaN(value))
        {
            writer.Write("NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            writer.Write("+Inf");
        }
        else if (double.IsNegativeInfinity(value))
        {
            writer.Write("-Inf");
        }
        else
        {
            Span<char> buffer = stackalloc char[32];
            // The default format is the shortest string that round-trips, e.g. 1500, 0.25, 1E-05.
            if (value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
            {
                writer.Write(buffer[..written]);
            }
            else
            {
                writer.Write(value.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Writes an integer sample value (histogram bucket counts).</summary>
    public static void WriteInteger(TextWriter writer, long value)
    {
        Span<char> buffer = stackalloc char[20];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }

    /// <summary>Formats a number the same way <see cref="WriteValue"/> does (used for <c>le</c> labels).</summary>
    public static string FormatValue(double value)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteValue(writer, value);
        return writer.ToString();
    }

    /// <summary>Writes <c>name{labels} </c> ready for the value.</summary>
    public static void WriteSampleStart(TextWriter writer, string name, string labelPairs)
    {
        writer.Write(name);
        if (labelPairs.Length > 0)
        {
            writer.Write('{');
            writer.Write(labelPairs);
            writer.Write('}');
        }

        writer.Write(' ');
    }
}
