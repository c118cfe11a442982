namespace EnergyTap.FranklinWH.Cloud.Mqtt;

/// <summary>CRC-32 as zlib computes it (reflected polynomial 0xEDB88320, init and final XOR 0xFFFFFFFF).</summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>The form sendMqtt expects: 8 uppercase hex digits.</summary>
    public static string ToHex(uint crc) => crc.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
