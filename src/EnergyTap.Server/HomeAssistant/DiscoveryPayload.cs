using System.Text.Json.Serialization;

namespace EnergyTap.Server.HomeAssistant;

/// <summary>An MQTT sensor discovery config, spelled as Home Assistant expects it.</summary>
internal sealed record SensorDiscoveryConfig(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("unique_id")] string UniqueId,
    [property: JsonPropertyName("state_topic")] string StateTopic,
    [property: JsonPropertyName("unit_of_measurement")] string? UnitOfMeasurement,
    [property: JsonPropertyName("device_class")] string? DeviceClass,
    [property: JsonPropertyName("state_class")] string StateClass,
    [property: JsonPropertyName("availability")] IReadOnlyList<AvailabilityTopic> Availability,
    [property: JsonPropertyName("availability_mode")] string AvailabilityMode,
    [property: JsonPropertyName("device")] DeviceBlock Device,
    [property: JsonPropertyName("origin")] OriginBlock Origin);

/// <summary>An MQTT binary_sensor discovery config: the state topic carries "1" (on) or "0" (off).</summary>
internal sealed record BinarySensorDiscoveryConfig(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("unique_id")] string UniqueId,
    [property: JsonPropertyName("state_topic")] string StateTopic,
    [property: JsonPropertyName("payload_on")] string PayloadOn,
    [property: JsonPropertyName("payload_off")] string PayloadOff,
    [property: JsonPropertyName("device_class")] string? DeviceClass,
    [property: JsonPropertyName("availability")] IReadOnlyList<AvailabilityTopic> Availability,
    [property: JsonPropertyName("availability_mode")] string AvailabilityMode,
    [property: JsonPropertyName("device")] DeviceBlock Device,
    [property: JsonPropertyName("origin")] OriginBlock Origin);

internal sealed record AvailabilityTopic([property: JsonPropertyName("topic")] string Topic);

internal sealed record DeviceBlock(
    [property: JsonPropertyName("identifiers")] IReadOnlyList<string> Identifiers,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("manufacturer")] string Manufacturer,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("serial_number")] string? SerialNumber,
    [property: JsonPropertyName("sw_version")] string? SoftwareVersion);

internal sealed record OriginBlock(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("sw_version")] string? SoftwareVersion);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SensorDiscoveryConfig))]
[JsonSerializable(typeof(BinarySensorDiscoveryConfig))]
internal sealed partial class HomeAssistantJsonContext : JsonSerializerContext;
