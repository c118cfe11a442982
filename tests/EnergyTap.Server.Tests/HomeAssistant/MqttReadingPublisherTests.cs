using System.Text.Json;
using EnergyTap.Server.HomeAssistant;
using EnergyTap.Server.Mqtt;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Tests.Infrastructure;

namespace EnergyTap.Server.Tests.HomeAssistant;

/// <summary>Home Assistant discovery and state topics, checked on a real mosquitto with mosquitto_sub.</summary>
public sealed class MqttReadingPublisherTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);


    [Fact]
    public async Task Power_reading_gets_a_discovery_config_and_a_plain_number_state()
    {
        await using var rig = await PublisherRig.StartAsync("ha-power", "homeassistant/sensor/#", "energytap/#");
        var (broker, subscriber, client, publisher) = (rig.Broker, rig.Subscriber, rig.Client, rig.Publisher);
        publisher.DescribeDevice("home", "agate", new HomeAssistantDevice("Home aGate", "FranklinWH", "aGate X", SerialNumber: "10060006A"));

        await publisher.PublishAsync(new Reading("home", "agate", "battery_power", -2500.5, "W", Now));
        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var configMessage = Assert.Single(await subscriber.WaitForAsync("homeassistant/sensor/energytap_home_agate_battery_power/config"));
        Assert.True(configMessage.QualityOfService == 1);
        using var config = JsonDocument.Parse(configMessage.Payload);
        var root = config.RootElement;
        Assert.Equal("Battery power", root.GetProperty("name").GetString());
        Assert.Equal("energytap_home_agate_battery_power", root.GetProperty("unique_id").GetString());
        Assert.Equal("energytap/home/agate/battery_power", root.GetProperty("state_topic").GetString());
        Assert.Equal("W", root.GetProperty("unit_of_measurement").GetString());
        Assert.Equal("power", root.GetProperty("device_class").GetString());
        Assert.Equal("measurement", root.GetProperty("state_class").GetString());
        Assert.Equal("all", root.GetProperty("availability_mode").GetString());
        Assert.Equal(
            ["energytap/status", "energytap/home/agate/battery_power/availability"],
            root.GetProperty("availability").EnumerateArray().Select(a => a.GetProperty("topic").GetString()));
        var device = root.GetProperty("device");
        Assert.Equal(["energytap_home_agate"], device.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("Home aGate", device.GetProperty("name").GetString());
        Assert.Equal("FranklinWH", device.GetProperty("manufacturer").GetString());
        Assert.Equal("aGate X", device.GetProperty("model").GetString());
        Assert.Equal("10060006A", device.GetProperty("serial_number").GetString());

        var state = Assert.Single(await subscriber.WaitForAsync("energytap/home/agate/battery_power"));
        Assert.Equal("-2500.5", state.Payload);
        Assert.Equal("online", (await subscriber.WaitForAsync("energytap/home/agate/battery_power/availability"))[0].Payload);

        // Retained: a Home Assistant that subscribes later sees config and last value at once.
        await using var late = await broker.SubscribeAsync("homeassistant/sensor/#", "energytap/home/#");
        Assert.True((await late.WaitForAsync("energytap/home/agate/battery_power"))[0].Retained);
        Assert.True((await late.WaitForAsync("homeassistant/sensor/energytap_home_agate_battery_power/config"))[0].Retained);
    }

    [Fact]
    public async Task Grid_connected_is_a_connectivity_binary_sensor_with_1_on_and_0_off()
    {
        await using var rig = await PublisherRig.StartAsync("ha-grid", "homeassistant/binary_sensor/#", "energytap/#");
        var (subscriber, client, publisher) = (rig.Subscriber, rig.Client, rig.Publisher);

        await publisher.PublishAsync(new Reading("home", "agate", "grid_connected", 0, "", Now));
        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var configMessage = Assert.Single(await subscriber.WaitForAsync("homeassistant/binary_sensor/energytap_home_agate_grid_connected/config"));
        using var config = JsonDocument.Parse(configMessage.Payload);
        var root = config.RootElement;
        Assert.Equal("connectivity", root.GetProperty("device_class").GetString());
        Assert.Equal("1", root.GetProperty("payload_on").GetString());
        Assert.Equal("0", root.GetProperty("payload_off").GetString());
        Assert.Equal("energytap/home/agate/grid_connected", root.GetProperty("state_topic").GetString());
        Assert.False(root.TryGetProperty("unit_of_measurement", out _));
        Assert.False(root.TryGetProperty("state_class", out _));
        Assert.Equal("0", Assert.Single(await subscriber.WaitForAsync("energytap/home/agate/grid_connected")).Payload);
    }

    [Fact]
    public async Task Energy_counters_are_total_increasing_in_wh_for_the_energy_dashboard()
    {
        await using var rig = await PublisherRig.StartAsync("ha-energy", "homeassistant/sensor/#", "energytap/#");
        var (broker, subscriber, client, publisher) = (rig.Broker, rig.Subscriber, rig.Client, rig.Publisher);

        await publisher.PublishAsync(new Reading("home", "pvs6", "grid_energy_import", 1234567, "Wh", Now));
        await publisher.PublishAsync(new Reading("home", "pvs6", "battery_temperature", 21.5, "°C", Now));

        using var energy = JsonDocument.Parse((await subscriber.WaitForAsync("homeassistant/sensor/energytap_home_pvs6_grid_energy_import/config"))[0].Payload);
        Assert.Equal("energy", energy.RootElement.GetProperty("device_class").GetString());
        Assert.Equal("total_increasing", energy.RootElement.GetProperty("state_class").GetString());
        Assert.Equal("Wh", energy.RootElement.GetProperty("unit_of_measurement").GetString());
        Assert.Equal("1234567", (await subscriber.WaitForAsync("energytap/home/pvs6/grid_energy_import"))[0].Payload);

        using var temperature = JsonDocument.Parse((await subscriber.WaitForAsync("homeassistant/sensor/energytap_home_pvs6_battery_temperature/config"))[0].Payload);
        Assert.Equal("°C", temperature.RootElement.GetProperty("unit_of_measurement").GetString());
        Assert.Equal("temperature", temperature.RootElement.GetProperty("device_class").GetString());
        var device = temperature.RootElement.GetProperty("device");
        Assert.Equal("EnergyTap", device.GetProperty("manufacturer").GetString());
        Assert.Equal("pvs6", device.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Missing_reading_marks_the_sensor_unavailable_without_sending_a_value()
    {
        await using var rig = await PublisherRig.StartAsync("ha-missing", "energytap/#");
        var (broker, subscriber, client, publisher) = (rig.Broker, rig.Subscriber, rig.Client, rig.Publisher);

        await publisher.PublishAsync(new Reading("home", "agate", "solar_power", 1800, "W", Now));
        await publisher.PublishAsync(new Reading("home", "agate", "solar_power", null, "W", Now.AddSeconds(10), ReadingQuality.Missing));
        await publisher.PublishAsync(new Reading("home", "agate", "solar_power", null, "W", Now.AddSeconds(20), ReadingQuality.Missing));
        await publisher.PublishAsync(new Reading("home", "agate", "solar_power", 1750, "W", Now.AddSeconds(30)));
        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await subscriber.WaitForAsync("energytap/home/agate/solar_power", 2);
        Assert.Equal(["1800", "1750"], subscriber.On("energytap/home/agate/solar_power").Select(m => m.Payload));
        // Sent on change only: a second "offline" would take the third place. Availability goes out at another QoS
        // than the values, so it may arrive after them: wait for it rather than assume the order.
        var availability = await subscriber.WaitForAsync("energytap/home/agate/solar_power/availability", 3);
        Assert.Equal(["online", "offline", "online"], availability.Take(3).Select(m => m.Payload));
    }

    [Fact]
    public async Task Home_assistant_coming_online_makes_discovery_be_sent_again()
    {
        await using var rig = await PublisherRig.StartAsync("ha-birth", "homeassistant/sensor/#");
        var (broker, subscriber, client, publisher) = (rig.Broker, rig.Subscriber, rig.Client, rig.Publisher);
        await publisher.PublishAsync(new Reading("home", "agate", "battery_soc", 77, "%", Now));
        const string topic = "homeassistant/sensor/energytap_home_agate_battery_soc/config";
        await subscriber.WaitForAsync(topic);

        await broker.PublishAsync("homeassistant/status", "online");

        var configs = await subscriber.WaitForAsync(topic, 2);
        Assert.Equal(configs[0].Payload, configs[1].Payload);
    }

    [Fact]
    public async Task Odd_site_and_device_names_are_sanitized_in_topics_and_ids()
    {
        await using var rig = await PublisherRig.StartAsync("ha-sanitize", "homeassistant/sensor/#", "energytap/#");
        var (broker, subscriber, client, publisher) = (rig.Broker, rig.Subscriber, rig.Client, rig.Publisher);

        await publisher.PublishAsync(new Reading("Lake House", "pvs6/#1", "inverter_power", 250, "W", Now));

        Assert.Equal("250", (await subscriber.WaitForAsync("energytap/Lake_House/pvs6__1/inverter_power"))[0].Payload);
        var config = await subscriber.WaitForAsync("homeassistant/sensor/energytap_Lake_House_pvs6__1_inverter_power/config");
        using var json = JsonDocument.Parse(config[0].Payload);
        Assert.Equal("Lake House pvs6/#1", json.RootElement.GetProperty("device").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Discovery_is_restored_after_a_broker_restart_lost_the_retained_configs()
    {
        await using var rig = await PublisherRig.StartAsync("ha-restart", "homeassistant/sensor/#");
        await rig.Publisher.PublishAsync(new Reading("home", "agate", "battery_soc", 64, "%", Now));
        const string topic = "homeassistant/sensor/energytap_home_agate_battery_soc/config";
        await rig.Subscriber.WaitForAsync(topic);

        await rig.Broker.KillAsync();
        await Eventually.UntilAsync(() => !rig.Client.IsConnected, "the client to notice the broker is gone");
        await rig.Broker.StartAgainAsync();
        await Eventually.UntilAsync(() => rig.Client.IsConnected, "the client to reconnect");
        await rig.Client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        // Persistence is off, so this retained copy can only come from the publisher re-sending it.
        await using var late = await rig.Broker.SubscribeAsync("homeassistant/sensor/#");
        var config = Assert.Single(await late.WaitForAsync(topic));
        Assert.True(config.Retained);
    }
}
