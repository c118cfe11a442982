using System.Text;

namespace EnergyTap.Server.Mqtt;

/// <summary>Encoders for the control packets a client sends (MQTT 3.1.1 chapter 3).</summary>
internal static class MqttPackets
{
    public const byte DupFlag = 0x08;
    public const byte RetainFlag = 0x01;

    public static readonly byte[] PingReq = [(byte)MqttPacketType.PINGREQ << 4, 0];
    public static readonly byte[] Disconnect = [(byte)MqttPacketType.DISCONNECT << 4, 0];

    public static byte[] Connect(MqttClientOptions options)
    {
        byte flags = 0;
        if (options.CleanSession)
        {
            flags |= 0x02;
        }

        if (options.AvailabilityTopic is not null)
        {
            // Will flag, will QoS 1 (bits 3-4), will retain: Home Assistant must see "offline" even if it subscribes later.
            flags |= 0x04 | (1 << 3) | 0x20;
        }

        if (options.Password is not null)
        {
            flags |= 0x40;
        }

        if (options.Username is not null)
        {
            flags |= 0x80;
        }

        var builder = new MqttPacketBuilder()
            .String("MQTT")
            .Byte(4) // protocol level 4 = MQTT 3.1.1
            .Byte(flags)
            .UInt16((ushort)options.KeepAlive.TotalSeconds)
            .String(options.ClientId);
        if (options.AvailabilityTopic is not null)
        {
            builder.String(options.AvailabilityTopic).Binary(Encoding.UTF8.GetBytes(options.OfflinePayload));
        }

        if (options.Username is not null)
        {
            builder.String(options.Username);
        }

        if (options.Password is not null)
        {
            builder.Binary(Encoding.UTF8.GetBytes(options.Password));
        }

        return builder.Build(MqttPacketType.CONNECT);
    }

    public static byte[] Publish(MqttApplicationMessage message, ushort packetId, bool duplicate = false)
    {
        var builder = new MqttPacketBuilder().String(message.Topic);
        if (message.QualityOfService != MqttQualityOfService.AtMostOnce)
        {
            builder.UInt16(packetId);
        }

        builder.Raw(message.Payload.Span);
        var flags = (byte)((int)message.QualityOfService << 1);
        if (message.Retain)
        {
            flags |= RetainFlag;
        }

        if (duplicate)
        {
            flags |= DupFlag;
        }

        return builder.Build(MqttPacketType.PUBLISH, flags);
    }

    public static byte[] PubAck(ushort packetId) => new MqttPacketBuilder().UInt16(packetId).Build(MqttPacketType.PUBACK);

    public static byte[] Subscribe(ushort packetId, IEnumerable<KeyValuePair<string, MqttQualityOfService>> filters)
    {
        var builder = new MqttPacketBuilder().UInt16(packetId);
        foreach (var (filter, qos) in filters)
        {
            builder.String(filter).Byte((byte)qos);
        }

        // SUBSCRIBE's fixed-header flags are reserved as 0b0010 (§3.8.1).
        return builder.Build(MqttPacketType.SUBSCRIBE, 0x02);
    }
}
