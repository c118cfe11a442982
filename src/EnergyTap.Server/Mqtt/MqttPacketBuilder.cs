using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace EnergyTap.Server.Mqtt;

/// <summary>Collects a packet body, then prefixes the fixed header with its remaining length.</summary>
internal sealed class MqttPacketBuilder
{
    private readonly ArrayBufferWriter<byte> _body = new(64);

    public MqttPacketBuilder Byte(byte value)
    {
        _body.GetSpan(1)[0] = value;
        _body.Advance(1);
        return this;
    }

    public MqttPacketBuilder UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_body.GetSpan(2), value);
        _body.Advance(2);
        return this;
    }

    /// <summary>UTF-8 string with a two-byte length prefix (§1.5.3).</summary>
    public MqttPacketBuilder String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException("MQTT strings are at most 65535 bytes of UTF-8.", nameof(value));
        }

        UInt16((ushort)length);
        Encoding.UTF8.GetBytes(value, _body.GetSpan(length));
        _body.Advance(length);
        return this;
    }

    /// <summary>Binary data with a two-byte length prefix (will message, password).</summary>
    public MqttPacketBuilder Binary(ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new ArgumentException("MQTT binary fields are at most 65535 bytes.", nameof(value));
        }

        UInt16((ushort)value.Length);
        return Raw(value);
    }

    /// <summary>Bytes without a length prefix (PUBLISH payload).</summary>
    public MqttPacketBuilder Raw(ReadOnlySpan<byte> value)
    {
        _body.Write(value);
        return this;
    }

    public byte[] Build(MqttPacketType type, byte flags = 0)
    {
        var body = _body.WrittenSpan;
        var packet = new byte[1 + MqttRemainingLength.SizeOf(body.Length) + body.Length];
        packet[0] = (byte)(((byte)type << 4) | (flags & 0x0F));
        var headerLength = 1 + MqttRemainingLength.Encode(body.Length, packet.AsSpan(1));
        body.CopyTo(packet.AsSpan(headerLength));
        return packet;
    }
}
