using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnergyTap.FranklinWH.Cloud.Mqtt;

/// <summary>
/// The body of a sendMqtt relay request. <see cref="DataArea"/> is the compact JSON text of the command;
/// <see cref="Len"/> is its length in UTF-8 bytes and <see cref="Crc"/> its CRC-32 as 8 uppercase hex digits.
/// </summary>
public sealed record MqttFrame(int CmdType, string EquipNo, long TimeStamp, int Snno, string DataArea)
{
    public int Len => Encoding.UTF8.GetByteCount(DataArea);

    public string Crc => Crc32.ToHex(Crc32.Compute(Encoding.UTF8.GetBytes(DataArea)));

    public static MqttFrame Create(int cmdType, string equipNo, JsonObject dataArea, long timeStamp, int snno) =>
        new(cmdType, equipNo, timeStamp, snno, dataArea.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));

    /// <summary>True when <paramref name="len"/> and <paramref name="crc"/> match <paramref name="dataArea"/> (case-insensitive hex).</summary>
    public static bool Matches(string dataArea, int len, string crc)
    {
        var bytes = Encoding.UTF8.GetBytes(dataArea);
        return bytes.Length == len && string.Equals(Crc32.ToHex(Crc32.Compute(bytes)), crc, StringComparison.OrdinalIgnoreCase);
    }

    public JsonObject ToRequestBody() => new()
    {
        ["lang"] = "en_US",
        ["cmdType"] = CmdType,
        ["equipNo"] = EquipNo,
        ["type"] = 0,
        ["timeStamp"] = TimeStamp,
        ["snno"] = Snno,
        ["len"] = Len,
        ["crc"] = Crc,
        ["dataArea"] = DataArea,
    };
}
