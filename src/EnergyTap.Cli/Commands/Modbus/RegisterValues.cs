using System.Globalization;
using EnergyTap.Cli.Infrastructure;

namespace EnergyTap.Cli.Commands.Modbus;

/// <summary>Parses the numbers users type (decimal, negative, 0x hex) and formats register values.</summary>
internal static class RegisterValues
{
    public static int ParseNumber(string text, string what)
    {
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw new UsageException($"{what} '{text}' is not a number (decimal, or hex with 0x)");
    }

    /// <summary>A register value: 0..65535, -32768..-1 (stored as two's complement), or 0x0000..0xFFFF.</summary>
    public static ushort ParseRegister(string text)
    {
        var value = ParseNumber(text, "VALUE");
        return value is >= short.MinValue and <= ushort.MaxValue
            ? unchecked((ushort)value)
            : throw new UsageException($"VALUE {text} does not fit a 16-bit register (-32768..65535 or 0x0000..0xFFFF)");
    }

    public static string Hex(ushort value) => $"0x{value:X4}";

    public static object Formatted(ushort value, string format) => format switch
    {
        "signed" => (short)value,
        "hex" => Hex(value),
        _ => value,
    };
}
