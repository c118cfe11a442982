namespace EnergyTap.Server.Mqtt;

/// <summary>CONNACK return codes of MQTT 3.1.1 (section 3.2.2.3).</summary>
public enum MqttConnectReturnCode : byte
{
    /// <summary>0x00 Connection accepted.</summary>
    Accepted = 0,

    /// <summary>0x01 The broker does not support MQTT 3.1.1.</summary>
    UnacceptableProtocolVersion = 1,

    /// <summary>0x02 The client identifier is not allowed.</summary>
    IdentifierRejected = 2,

    /// <summary>0x03 The MQTT service is unavailable.</summary>
    ServerUnavailable = 3,

    /// <summary>0x04 The user name or password is malformed or wrong.</summary>
    BadUserNameOrPassword = 4,

    /// <summary>0x05 The client is not authorized to connect (mosquitto also uses this for a wrong password).</summary>
    NotAuthorized = 5,
}
