using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using EnergyTap.Server.Mqtt;
using EnergyTap.Server.Readings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Server.HomeAssistant;

/// <summary>
/// Publishes readings over MQTT with Home Assistant discovery.
/// <list type="bullet">
/// <item>State: <c>energytap/&lt;site&gt;/&lt;device&gt;/&lt;quantity&gt;</c>, a plain number in the base unit, retained
/// (see <see cref="HomeAssistantOptions.RetainState"/>).</item>
/// <item>Discovery: <c>homeassistant/sensor/&lt;unique_id&gt;/config</c>, retained, QoS 1, sent the first time a
/// quantity is seen and again when Home Assistant announces "online" on <c>homeassistant/status</c> or the client
/// reconnects (a restarted broker may have lost retained configs).</item>
/// <item>Availability: the client's availability topic (last will) and a per-sensor
/// <c>…/&lt;quantity&gt;/availability</c> topic, both required ("all"): a missing reading shows the sensor as
/// unavailable instead of a made-up zero.</item>
/// </list>
/// Topic levels and ids are sanitized (<see cref="MqttTopic.SanitizeLevel"/>). Energy totals get
/// <c>state_class: total_increasing</c> and <c>device_class: energy</c> in Wh, as the Energy dashboard needs.
/// </summary>
public sealed partial class MqttReadingPublisher : IDisposable
{
    private const string Online = "online";
    private const string Offline = "offline";

    private static readonly string? Version =
        typeof(MqttReadingPublisher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    private readonly MqttClient _client;
    private readonly HomeAssistantOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Sensor> _sensors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Site, string Device), HomeAssistantDevice> _devices = new();

    /// <summary>Creates a publisher on <paramref name="client"/> (connect the client yourself).</summary>
    public MqttReadingPublisher(MqttClient client, HomeAssistantOptions? options = null, ILogger<MqttReadingPublisher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new HomeAssistantOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _client.MessageReceived += OnMessageReceived;
        _client.Connected += OnConnected;
    }

    /// <summary>Listens to Home Assistant's status topic so discovery is re-sent when Home Assistant restarts.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        _client.SubscribeAsync(_options.StatusTopic, MqttQualityOfService.AtLeastOnce, cancellationToken);

    /// <summary>
    /// Names the device block for (<paramref name="site"/>, <paramref name="device"/>). Without it the block says
    /// manufacturer "EnergyTap" and model = the device name. Call before the device's first reading, or call
    /// <see cref="RepublishDiscoveryAsync"/> afterwards.
    /// </summary>
    public void DescribeDevice(string site, string device, HomeAssistantDevice description)
    {
        ArgumentNullException.ThrowIfNull(description);
        _devices[(site, device)] = description;
        foreach (var sensor in _sensors.Values.Where(s => s.Site == site && s.Device == device))
        {
            sensor.Config = null;
        }
    }

    /// <summary>State topic of a reading.</summary>
    public string StateTopic(string site, string device, string quantity) =>
        $"{_options.StateTopicPrefix}/{MqttTopic.SanitizeLevel(site)}/{MqttTopic.SanitizeLevel(device)}/{MqttTopic.SanitizeLevel(quantity)}";

    /// <summary>The Home Assistant unique_id of a reading's sensor: <c>energytap_&lt;site&gt;_&lt;device&gt;_&lt;quantity&gt;</c>, sanitized.</summary>
    public static string UniqueId(string site, string device, string quantity) => SanitizeId($"energytap_{site}_{device}_{quantity}");

    /// <summary>Discovery config topic of a reading's sensor (<c>binary_sensor</c> for 1/0 states such as grid_connected).</summary>
    public string DiscoveryTopic(string site, string device, string quantity, bool binary = false) =>
        $"{_options.DiscoveryPrefix}/{(binary ? "binary_sensor" : "sensor")}/{UniqueId(site, device, quantity)}/config";

    /// <summary>Publishes one reading (discovery first when the sensor is new, availability on change, then the value).</summary>
    public async Task PublishAsync(Reading reading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var info = QuantityCatalog.Describe(reading.Quantity, reading.Unit);
        var uniqueId = UniqueId(reading.Site, reading.Device, reading.Quantity);
        var sensor = _sensors.GetOrAdd(uniqueId, _ => new Sensor(reading.Site, reading.Device, reading.Quantity,
            StateTopic(reading.Site, reading.Device, reading.Quantity)));
        if (sensor.Config is null || sensor.Info != info)
        {
            sensor.Info = info;
            sensor.Config = BuildConfig(sensor, info, uniqueId);
            await PublishDiscoveryAsync(sensor, cancellationToken);
        }

        var value = reading.Quality == ReadingQuality.Missing ? null : reading.Value;
        var hasValue = value is { } v && double.IsFinite(v);
        var availability = hasValue ? Online : reading.Quality == ReadingQuality.Missing ? Offline : sensor.Availability;
        if (availability is not null && availability != sensor.Availability)
        {
            sensor.Availability = availability;
            await _client.PublishAsync(sensor.AvailabilityTopic, availability, MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken);
        }

        if (hasValue)
        {
            await _client.PublishAsync(sensor.StateTopic, value!.Value.ToString("R", CultureInfo.InvariantCulture),
                _options.StateQualityOfService, _options.RetainState, cancellationToken);
        }
    }

    /// <summary>Publishes every publish-able reading of one poll.</summary>
    public async Task PublishAsync(IEnumerable<Reading> readings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        foreach (var reading in readings)
        {
            await PublishAsync(reading, cancellationToken);
        }
    }

    /// <summary>Re-sends every known discovery config and availability (retained).</summary>
    public async Task RepublishDiscoveryAsync(CancellationToken cancellationToken = default)
    {
        foreach (var sensor in _sensors.Values)
        {
            if (sensor.Info is { } info)
            {
                sensor.Config ??= BuildConfig(sensor, info, UniqueId(sensor.Site, sensor.Device, sensor.Quantity));
                await PublishDiscoveryAsync(sensor, cancellationToken);
            }

            if (sensor.Availability is { } availability)
            {
                await _client.PublishAsync(sensor.AvailabilityTopic, availability, MqttQualityOfService.AtLeastOnce, retain: true, cancellationToken);
            }
        }
    }

    /// <summary>Stops listening to the client's events.</summary>
    public void Dispose()
    {
        _client.MessageReceived -= OnMessageReceived;
        _client.Connected -= OnConnected;
    }

    private static string SanitizeId(string text)
    {
        // unique_id and the discovery object id allow [a-zA-Z0-9_-] only.
        var level = MqttTopic.SanitizeLevel(text).Replace('.', '_');
        return level;
    }

    private async Task PublishDiscoveryAsync(Sensor sensor, CancellationToken cancellationToken) =>
        await _client.PublishAsync(new MqttApplicationMessage(
            DiscoveryTopic(sensor.Site, sensor.Device, sensor.Quantity, sensor.Info?.IsBinary == true), sensor.Config!, MqttQualityOfService.AtLeastOnce, Retain: true), cancellationToken);

    private byte[] BuildConfig(Sensor sensor, QuantityInfo info, string uniqueId)
    {
        var description = _devices.TryGetValue((sensor.Site, sensor.Device), out var known)
            ? known
            : new HomeAssistantDevice($"{sensor.Site} {sensor.Device}", "EnergyTap", sensor.Device);
        List<AvailabilityTopic> availability = [];
        if (_client.Options.AvailabilityTopic is { } bridge)
        {
            availability.Add(new AvailabilityTopic(bridge));
        }

        availability.Add(new AvailabilityTopic(sensor.AvailabilityTopic));
        var deviceBlock = new DeviceBlock(
            [SanitizeId($"energytap_{sensor.Site}_{sensor.Device}")],
            description.Name,
            description.Manufacturer,
            description.Model,
            description.SerialNumber,
            description.SoftwareVersion);
        if (info.IsBinary)
        {
            // The state topic carries the reading's number, so "1" is on (connected) and "0" off (outage).
            var binary = new BinarySensorDiscoveryConfig(info.DisplayName, uniqueId, sensor.StateTopic, PayloadOn: "1", PayloadOff: "0",
                info.DeviceClass, availability, "all", deviceBlock, new OriginBlock("EnergyTap", Version));
            return JsonSerializer.SerializeToUtf8Bytes(binary, HomeAssistantJsonContext.Default.BinarySensorDiscoveryConfig);
        }

        var config = new SensorDiscoveryConfig(
            Name: info.DisplayName,
            UniqueId: uniqueId,
            StateTopic: sensor.StateTopic,
            UnitOfMeasurement: info.Unit.Length == 0 ? null : info.Unit,
            DeviceClass: info.DeviceClass,
            StateClass: info.StateClass,
            Availability: availability,
            AvailabilityMode: "all",
            Device: deviceBlock,
            Origin: new OriginBlock("EnergyTap", Version));
        return JsonSerializer.SerializeToUtf8Bytes(config, HomeAssistantJsonContext.Default.SensorDiscoveryConfig);
    }

    private void OnMessageReceived(object? sender, MqttMessageReceivedEventArgs e)
    {
        if (e.Message.Topic == _options.StatusTopic && e.Message.PayloadText == Online)
        {
            LogHomeAssistantOnline(_logger, _sensors.Count);
            Republish();
        }
    }

    private void OnConnected(object? sender, MqttConnectedEventArgs e)
    {
        if (e.IsReconnect)
        {
            Republish();
        }
    }

    private void Republish() =>
        // QoS 1 publishes only enter the client's queue, so this finishes without waiting on the network.
        _ = RepublishDiscoveryAsync().ContinueWith(
            task => LogRepublishFailed(_logger, task.Exception!),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Information, Message = "Home Assistant came online; re-sending {Count} discovery configs")]
    private static partial void LogHomeAssistantOnline(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-sending Home Assistant discovery failed")]
    private static partial void LogRepublishFailed(ILogger logger, Exception exception);

    /// <summary>What was last sent for one sensor.</summary>
    private sealed class Sensor(string site, string device, string quantity, string stateTopic)
    {
        public string Site { get; } = site;

        public string Device { get; } = device;

        public string Quantity { get; } = quantity;

        public string StateTopic { get; } = stateTopic;

        public string AvailabilityTopic { get; } = stateTopic + "/availability";

        public QuantityInfo? Info { get; set; }

        public byte[]? Config { get; set; }

        public string? Availability { get; set; }
    }
}
