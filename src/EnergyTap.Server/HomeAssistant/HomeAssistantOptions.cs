using EnergyTap.Server.Mqtt;

namespace EnergyTap.Server.HomeAssistant;

/// <summary>Topics and delivery choices of <see cref="MqttReadingPublisher"/>.</summary>
public sealed record HomeAssistantOptions
{
    /// <summary>Home Assistant's MQTT discovery prefix (its default is "homeassistant").</summary>
    public string DiscoveryPrefix { get; init; } = "homeassistant";

    /// <summary>Root of the state topics: <c>&lt;prefix&gt;/&lt;site&gt;/&lt;device&gt;/&lt;quantity&gt;</c>.</summary>
    public string StateTopicPrefix { get; init; } = "energytap";

    /// <summary>
    /// Retain state messages (default true): Home Assistant gets the latest value the moment it (re)subscribes
    /// instead of showing "unknown" until the next poll; the availability topics keep a retained value from
    /// being mistaken for a live one after EnergyTap stops.
    /// </summary>
    public bool RetainState { get; init; } = true;

    /// <summary>QoS of state messages (default 0: a lost value is replaced by the next poll anyway).</summary>
    public MqttQualityOfService StateQualityOfService { get; init; } = MqttQualityOfService.AtMostOnce;

    /// <summary>Home Assistant's birth/last-will topic; "online" there makes the publisher re-send discovery.</summary>
    public string StatusTopic => $"{DiscoveryPrefix}/status";
}
