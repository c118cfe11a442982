using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnergyTap.FranklinWH.Cloud.Mqtt;

/// <summary>
/// The body of a sendMqtt relay request. <see cref="DataArea"/> is the compact JSON text of the command object;
/// <see cref="Len"/> is its length in UTF-8 bytes and <see cref="Crc"/> its CRC-32 as 8 uppercase hex digits.
/// In the request body dataArea is that object itself, spliced in verbatim, so len and crc describe exactly the
/// characters the server receives (re-serialising could change escaping or spacing and break the check).
/// </summary>
public sealed record MqttFrame(int CmdType, string EquipNo, long TimeStamp, int Snno, string DataArea)
{
    /// <summary>The language the app sends in sendMqtt bodies (note: not the en_US of the login form).</summary>
    public const string Lang = "EN_US";

    public int Len => Encoding.UTF8.GetByteCount(DataArea);

    public string Crc => CrcOf(DataArea);

    public static MqttFrame Create(int cmdType, string equipNo, JsonObject dataArea, long timeStamp, int snno) =>
        new(cmdType, equipNo, timeStamp, snno, dataArea.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));

    public static string CrcOf(string text) => Crc32.ToHex(Crc32.Compute(Encoding.UTF8.GetBytes(text)));

    /// <summary>True when <paramref name="len"/> and <paramref name="crc"/> match <paramref name="dataArea"/> (case-insensitive hex).</summary>
    public static bool Matches(string dataArea, int len, string crc)
    {
        var bytes = Encoding.UTF8.GetBytes(dataArea);
        return bytes.Length == len && string.Equals(Crc32.ToHex(Crc32.Compute(bytes)), crc, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The request body as UTF-8 JSON, with <see cref="DataArea"/> embedded as an object, byte for byte.</summary>
    public byte[] ToRequestBody()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("lang", Lang);
            w.WriteNumber("cmdType", CmdType);
            w.WriteString("equipNo", EquipNo);
            w.WriteNumber("type", 0);
            w.WriteNumber("timeStamp", TimeStamp);
            w.WriteNumber("snno", Snno);
            w.WriteNumber("len", Len);
            w.WriteString("crc", Crc);
            w.WritePropertyName("dataArea");
            w.WriteRawValue(DataArea, skipInputValidation: false);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
