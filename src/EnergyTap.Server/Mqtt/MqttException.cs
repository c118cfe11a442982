namespace EnergyTap.Server.Mqtt;

/// <summary>An MQTT failure: refused connection (with its CONNACK code), timeout, protocol violation or lost connection.</summary>
public sealed class MqttException : Exception
{
    public MqttException()
    {
    }

    public MqttException(string message)
        : base(message)
    {
    }

    public MqttException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A refused CONNECT.</summary>
    public MqttException(string message, MqttConnectReturnCode connectReturnCode)
        : base(message) => ConnectReturnCode = connectReturnCode;

    /// <summary>The broker's CONNACK code when it refused the connection, else null.</summary>
    public MqttConnectReturnCode? ConnectReturnCode { get; }

    internal static MqttException Refused(string endpoint, MqttConnectReturnCode code, string clientId)
    {
        var reason = code switch
        {
            MqttConnectReturnCode.UnacceptableProtocolVersion => "it does not support MQTT 3.1.1 (unacceptable protocol version)",
            MqttConnectReturnCode.IdentifierRejected => $"client identifier '{clientId}' rejected",
            MqttConnectReturnCode.ServerUnavailable => "server unavailable",
            MqttConnectReturnCode.BadUserNameOrPassword => "bad user name or password",
            MqttConnectReturnCode.NotAuthorized => "not authorized (check the user name, password and the broker's access rules)",
            _ => "unknown reason",
        };
        return new MqttException($"MQTT broker {endpoint} refused the connection: {reason} (CONNACK code {(byte)code}).", code);
    }
}
