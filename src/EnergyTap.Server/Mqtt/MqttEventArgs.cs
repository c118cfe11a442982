namespace EnergyTap.Server.Mqtt;

/// <summary>A message arrived on a subscribed topic.</summary>
public sealed class MqttMessageReceivedEventArgs(MqttApplicationMessage message) : EventArgs
{
    public MqttApplicationMessage Message { get; } = message;
}

/// <summary>The client (re)connected and is ready: subscriptions restored, unacknowledged messages re-sent.</summary>
public sealed class MqttConnectedEventArgs(bool isReconnect, bool sessionPresent) : EventArgs
{
    /// <summary>False for the first connection, true after a lost connection came back.</summary>
    public bool IsReconnect { get; } = isReconnect;

    /// <summary>The broker still had this client's session (only with CleanSession = false).</summary>
    public bool SessionPresent { get; } = sessionPresent;
}
