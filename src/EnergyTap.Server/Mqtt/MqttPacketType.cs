namespace EnergyTap.Server.Mqtt;

/// <summary>Control packet types (high nibble of the fixed header), MQTT 3.1.1 section 2.2.1.</summary>
internal enum MqttPacketType : byte
{
    CONNECT = 1,
    CONNACK = 2,
    PUBLISH = 3,
    PUBACK = 4,
    PUBREC = 5,
    PUBREL = 6,
    PUBCOMP = 7,
    SUBSCRIBE = 8,
    SUBACK = 9,
    UNSUBSCRIBE = 10,
    UNSUBACK = 11,
    PINGREQ = 12,
    PINGRESP = 13,
    DISCONNECT = 14,
}
