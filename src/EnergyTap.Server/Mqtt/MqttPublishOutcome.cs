namespace EnergyTap.Server.Mqtt;

/// <summary>What <see cref="MqttClient.PublishAsync(MqttApplicationMessage, CancellationToken)"/> did with a message.</summary>
public enum MqttPublishOutcome
{
    /// <summary>QoS 0: written to the broker connection.</summary>
    Sent,

    /// <summary>
    /// QoS 1: held by the client until the broker acknowledges it — sent now if connected, otherwise kept in the
    /// bounded offline queue (the oldest queued message is dropped when it is full).
    /// </summary>
    Queued,

    /// <summary>QoS 0 while disconnected: not sent (old telemetry is not worth replaying).</summary>
    Dropped,
}
