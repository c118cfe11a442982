using System.Globalization;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>The range checks the connection options share, so each range is said the same way everywhere.</summary>
internal static class OptionRanges
{
    /// <summary>A wait in seconds: zero would mean "never wait", so it must be more than 0.</summary>
    public static TimeSpan Seconds(double value, string option, double max) =>
        value > 0 && value <= max
            ? TimeSpan.FromSeconds(value)
            : throw new UsageException($"{option} must be more than 0 and at most {max.ToString(CultureInfo.InvariantCulture)} seconds, not {value.ToString(CultureInfo.InvariantCulture)}");

    public static int Port(int value, string option = "--port") =>
        value is >= 1 and <= 65535 ? value : throw new UsageException($"{option} must be a TCP port from 1 to 65535, not {value}");

    public static byte Unit(int value, string option = "--unit") =>
        value is >= 0 and <= 255 ? (byte)value : throw new UsageException($"{option} must be a Modbus unit id from 0 to 255, not {value}");
}
