using System.Buffers.Binary;
using System.Text;

namespace EnergyTap.Server.Mqtt;

/// <summary>One packet received from the broker: type, fixed-header flags and body.</summary>
internal readonly record struct MqttPacket(MqttPacketType Type, byte Flags, byte[] Body)
{
    /// <summary>Reads the next packet, or null when the broker closed the connection between packets.</summary>
    public static async Task<MqttPacket?> ReadAsync(Stream stream, int maxSize, CancellationToken cancellationToken)
    {
        var scratch = new byte[1];
        if (await stream.ReadAsync(scratch.AsMemory(0, 1), cancellationToken) == 0)
        {
            return null;
        }

        var header = scratch[0];
        var length = await MqttRemainingLength.ReadAsync(stream, scratch, cancellationToken);
        if (length > maxSize)
        {
            throw new MqttException($"The MQTT broker sent a {length}-byte packet; the limit is {maxSize} bytes.");
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        var type = (MqttPacketType)(header >> 4);
        if (type is < MqttPacketType.CONNECT or > MqttPacketType.DISCONNECT)
        {
            throw new MqttException($"Malformed MQTT packet: unknown packet type {header >> 4}.");
        }

        return new MqttPacket(type, (byte)(header & 0x0F), body);
    }

    /// <summary>The packet identifier at the start of PUBACK / SUBACK bodies.</summary>
    public ushort LeadingPacketId()
    {
        if (Body.Length < 2)
        {
            throw new MqttException($"Malformed MQTT {Type}: no packet identifier.");
        }

        return BinaryPrimitives.ReadUInt16BigEndian(Body);
    }

    /// <summary>Decodes a PUBLISH body into a message plus its packet id (0 for QoS 0).</summary>
    public (MqttApplicationMessage Message, ushort PacketId) DecodePublish()
    {
        var qos = (Flags >> 1) & 0x03;
        if (qos > 1)
        {
            throw new MqttException($"The MQTT broker sent a QoS {qos} message although this client only subscribes with QoS 0 or 1.");
        }

        if (Body.Length < 2)
        {
            throw new MqttException("Malformed MQTT PUBLISH: no topic.");
        }

        var topicLength = BinaryPrimitives.ReadUInt16BigEndian(Body);
        var offset = 2 + topicLength;
        if (Body.Length < offset + (qos > 0 ? 2 : 0))
        {
            throw new MqttException("Malformed MQTT PUBLISH: truncated topic or packet identifier.");
        }

        var topic = Encoding.UTF8.GetString(Body, 2, topicLength);
        ushort packetId = 0;
        if (qos > 0)
        {
            packetId = BinaryPrimitives.ReadUInt16BigEndian(Body.AsSpan(offset));
            offset += 2;
        }

        var message = new MqttApplicationMessage(topic, Body.AsMemory(offset), (MqttQualityOfService)qos, (Flags & MqttPackets.RetainFlag) != 0);
        return (message, packetId);
    }
}
