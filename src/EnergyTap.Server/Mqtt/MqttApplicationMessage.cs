using System.Text;

namespace EnergyTap.Server.Mqtt;

/// <summary>An application message: a topic, a payload and how to deliver it.</summary>
public sealed record MqttApplicationMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService = MqttQualityOfService.AtMostOnce,
    bool Retain = false)
{
    /// <summary>A message whose payload is <paramref name="payload"/> encoded as UTF-8.</summary>
    public static MqttApplicationMessage FromText(
        string topic, string payload, MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce, bool retain = false)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new MqttApplicationMessage(topic, Encoding.UTF8.GetBytes(payload), qualityOfService, retain);
    }

    /// <summary>The payload decoded as UTF-8.</summary>
    public string PayloadText => Encoding.UTF8.GetString(Payload.Span);
}
