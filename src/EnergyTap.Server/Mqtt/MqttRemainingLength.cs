namespace EnergyTap.Server.Mqtt;

/// <summary>The fixed header's Remaining Length: 7 bits per byte, high bit = more, at most 4 bytes (MQTT 3.1.1 §2.2.3).</summary>
internal static class MqttRemainingLength
{
    public const int Max = 268_435_455;

    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/>; returns the bytes used (1–4).</summary>
    public static int Encode(int value, Span<byte> destination)
    {
        if (value is < 0 or > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"MQTT packets carry at most {Max} bytes after the fixed header.");
        }

        var count = 0;
        do
        {
            var digit = (byte)(value % 128);
            value /= 128;
            if (value > 0)
            {
                digit |= 0x80;
            }

            destination[count++] = digit;
        }
        while (value > 0);

        return count;
    }

    /// <summary>How many bytes <see cref="Encode"/> needs for <paramref name="value"/>.</summary>
    public static int SizeOf(int value) => value switch
    {
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    /// <summary>Reads a Remaining Length from <paramref name="stream"/>.</summary>
    public static async ValueTask<int> ReadAsync(Stream stream, byte[] scratch, CancellationToken cancellationToken)
    {
        var value = 0;
        var multiplier = 1;
        for (var i = 0; i < 4; i++)
        {
            await stream.ReadExactlyAsync(scratch.AsMemory(0, 1), cancellationToken);
            var digit = scratch[0];
            value += (digit & 0x7F) * multiplier;
            if ((digit & 0x80) == 0)
            {
                return value;
            }

            multiplier *= 128;
        }

        throw new MqttException("Malformed MQTT packet: the remaining length uses more than 4 bytes.");
    }
}
