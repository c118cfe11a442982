using EnergyTap.Server.Mqtt;
using EnergyTap.Server.Tests.Infrastructure;

namespace EnergyTap.Server.Tests.Mqtt;

/// <summary>The client against a real mosquitto broker, witnessed by a real mosquitto_sub.</summary>
public sealed class MosquittoTests
{
    [Fact]
    public async Task Qos0_and_qos1_messages_arrive_and_retained_ones_reach_late_subscribers()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await broker.SubscribeAsync("energytap/#");
        await using var client = new MqttClient(broker.ClientOptions("qos-test"));
        await client.ConnectAsync();

        Assert.Equal(MqttPublishOutcome.Sent, await client.PublishAsync("energytap/a", "1523.5"));
        Assert.Equal(MqttPublishOutcome.Queued, await client.PublishAsync("energytap/b", "héllo", MqttQualityOfService.AtLeastOnce, retain: true));
        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var qos0 = Assert.Single(await subscriber.WaitForAsync("energytap/a"));
        Assert.Equal(("1523.5", 0, false), (qos0.Payload, qos0.QualityOfService, qos0.Retained));
        var qos1 = Assert.Single(await subscriber.WaitForAsync("energytap/b"));
        Assert.Equal(("héllo", 1), (qos1.Payload, qos1.QualityOfService));

        await using var late = await broker.SubscribeAsync("energytap/#");
        var retained = Assert.Single(await late.WaitForAsync("energytap/b"));
        Assert.True(retained.Retained);
        Assert.Equal("héllo", retained.Payload);
        Assert.Empty(late.On("energytap/a"));
    }

    [Fact]
    public async Task Subscriptions_deliver_incoming_messages()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var client = new MqttClient(broker.ClientOptions("sub-test"));
        var received = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.MessageReceived += (_, e) => received.TrySetResult(e.Message);
        await client.ConnectAsync();
        await client.SubscribeAsync("homeassistant/status", MqttQualityOfService.AtLeastOnce);

        await broker.PublishAsync("homeassistant/status", "online");

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("homeassistant/status", message.Topic);
        Assert.Equal("online", message.PayloadText);
    }

    [Fact]
    public async Task Availability_goes_online_after_connect_and_the_will_says_offline_when_the_link_dies()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var relay = new TcpRelay(broker.Port);
        await using var subscriber = await broker.SubscribeAsync("energytap/status");
        var options = new MqttClientOptions
        {
            Port = relay.Port,
            ClientId = "will-test",
            AvailabilityTopic = "energytap/status",
        };
        // Manual clock: the client must not reconnect (and say "online" again) during the test.
        await using var client = new MqttClient(options, new ManualTimeProvider());
        await client.ConnectAsync();
        var online = await subscriber.WaitForPayloadAsync("energytap/status", "online");

        relay.SeverAll();

        var offline = await subscriber.WaitForPayloadAsync("energytap/status", "offline");
        Assert.Equal(1, offline.QualityOfService);
        Assert.Equal(["online", "offline"], subscriber.On("energytap/status").Select(m => m.Payload));
        await using var late = await broker.SubscribeAsync("energytap/status");
        Assert.True((await late.WaitForPayloadAsync("energytap/status", "offline")).Retained);
        Assert.False(online.Retained); // live delivery; the retained copy is what late subscribers get
    }

    [Fact]
    public async Task Clean_dispose_leaves_a_retained_offline_and_disconnects()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var client = new MqttClient(new MqttClientOptions { Port = broker.Port, ClientId = "dispose-test", AvailabilityTopic = "energytap/status" });
        await client.ConnectAsync();

        await client.DisposeAsync();

        await using var late = await broker.SubscribeAsync("energytap/status");
        var status = await late.WaitForPayloadAsync("energytap/status", "offline");
        Assert.True(status.Retained);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.PublishAsync("t", "x"));
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_clear_typed_error_and_the_right_one_works()
    {
        await using var broker = await MosquittoBroker.StartAsync(new Dictionary<string, string> { ["energytap"] = "s3cret" });
        var wrong = new MqttClientOptions { Port = broker.Port, ClientId = "auth-test", Username = "energytap", Password = "nope" };
        await using (var client = new MqttClient(wrong))
        {
            var error = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync());

            Assert.Contains(error.ConnectReturnCode, new MqttConnectReturnCode?[] { MqttConnectReturnCode.NotAuthorized, MqttConnectReturnCode.BadUserNameOrPassword });
            Assert.StartsWith($"MQTT broker 127.0.0.1:{broker.Port} refused the connection:", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("nope", error.Message, StringComparison.Ordinal);
            Assert.False(client.IsConnected);
        }

        var anonymous = new MqttClientOptions { Port = broker.Port, ClientId = "anon-test" };
        await using (var client = new MqttClient(anonymous))
        {
            Assert.NotNull((await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync())).ConnectReturnCode);
        }

        var right = new MqttClientOptions { Port = broker.Port, ClientId = "auth-test", Username = "energytap", Password = "s3cret" };
        await using (var client = new MqttClient(right))
        {
            await client.ConnectAsync();
            Assert.True(client.IsConnected);
        }
    }

    [Fact]
    public async Task Queued_qos1_messages_arrive_exactly_once_after_the_broker_restarts()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var time = new ManualTimeProvider();
        await using var client = new MqttClient(broker.ClientOptions("restart-test"), time);
        await client.ConnectAsync();
        await using (var before = await broker.SubscribeAsync("site/#"))
        {
            await client.PublishAsync("site/before", "0", MqttQualityOfService.AtLeastOnce);
            await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await before.WaitForAsync("site/before");
        }

        await broker.KillAsync();
        await Eventually.UntilAsync(() => !client.IsConnected, "the client to notice the broker is gone");
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(MqttPublishOutcome.Queued, await client.PublishAsync($"site/queued/{i}", $"{i}", MqttQualityOfService.AtLeastOnce));
        }

        Assert.Equal(MqttPublishOutcome.Dropped, await client.PublishAsync("site/qos0", "lost"));
        Assert.Equal(5, client.QueuedCount);
        Assert.Equal(1, client.DroppedCount);

        await broker.StartAgainAsync();
        await using var after = await broker.SubscribeAsync("site/#");
        // Move the manual clock until the backoff delay elapses and the client is back.
        await Eventually.UntilAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return client.IsConnected;
        }, "the client to reconnect");
        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        for (var i = 1; i <= 5; i++)
        {
            var message = Assert.Single(await after.WaitForAsync($"site/queued/{i}"));
            Assert.Equal($"{i}", message.Payload);
        }

        Assert.Empty(after.On("site/qos0"));
        Assert.Equal(0, client.QueuedCount);
        Assert.Equal(0, client.InflightCount);
    }

    [Fact]
    public async Task Full_offline_queue_drops_the_oldest_messages_and_counts_them()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await broker.SubscribeAsync("q/#");
        var options = new MqttClientOptions { Port = broker.Port, ClientId = "queue-test", OfflineQueueCapacity = 3 };
        await using var client = new MqttClient(options);

        for (var i = 1; i <= 5; i++)
        {
            await client.PublishAsync($"q/{i}", $"{i}", MqttQualityOfService.AtLeastOnce);
        }

        Assert.Equal(2, client.DroppedCount);
        await client.ConnectAsync();
        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await subscriber.WaitForAsync("q/5");
        Assert.Equal(["3", "4", "5"], subscriber.Messages.Select(m => m.Payload));
    }
}
