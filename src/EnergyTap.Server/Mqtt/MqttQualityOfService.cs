namespace EnergyTap.Server.Mqtt;

/// <summary>MQTT delivery guarantee. QoS 2 is not supported: telemetry does not need it.</summary>
public enum MqttQualityOfService
{
    /// <summary>QoS 0: sent once, not acknowledged; dropped while disconnected.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: kept until the broker sends PUBACK; re-sent (DUP) after a reconnect.</summary>
    AtLeastOnce = 1,
}
