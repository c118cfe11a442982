using EnergyTap.Server.Mqtt;
using EnergyTap.Server.Tests.Infrastructure;

namespace EnergyTap.Server.Tests.Mqtt;

/// <summary>Keep-alive, timeouts, refusals and DUP retransmission, against a scripted peer and a manual clock.</summary>
public sealed class MqttSessionTests
{
    private const int PINGREQ = 12;
    private const int PUBLISH = 3;

    private static MqttClientOptions OptionsFor(FakeBroker broker) => new()
    {
        Port = broker.Port,
        ClientId = "session-test",
        KeepAlive = TimeSpan.FromSeconds(10),
        ReconnectDelayMin = TimeSpan.FromSeconds(1),
        ReconnectDelayMax = TimeSpan.FromSeconds(4),
    };

    private static async Task<FakeSession> ConnectAsync(FakeBroker broker, MqttClient client)
    {
        var accepting = broker.AcceptAsync();
        var connecting = client.ConnectAsync();
        var session = await accepting;
        await session.HandshakeAsync();
        await connecting;
        return session;
    }

    [Fact]
    public async Task Idle_client_pings_and_drops_a_broker_that_never_answers()
    {
        await using var broker = new FakeBroker();
        var time = new ManualTimeProvider();
        await using var client = new MqttClient(OptionsFor(broker), time);
        using var session = await ConnectAsync(broker, client);

        time.Advance(TimeSpan.FromSeconds(5));
        var ping = await session.ReadAsync();
        Assert.Equal(PINGREQ, ping!.Type);
        Assert.Empty(ping.Body);

        // No PINGRESP: one keep-alive later the client gives the link up.
        time.Advance(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(await session.ReadAsync());
        await Eventually.UntilAsync(() => !client.IsConnected, "the client to notice the dead link");
    }

    [Fact]
    public async Task Answered_pings_keep_the_connection()
    {
        await using var broker = new FakeBroker();
        var time = new ManualTimeProvider();
        await using var client = new MqttClient(OptionsFor(broker), time);
        using var session = await ConnectAsync(broker, client);

        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(PINGREQ, (await session.ReadAsync())!.Type);
            await session.SendAsync(0xD0, 0x00);
            // Let the receive loop take the PINGRESP before the clock moves again.
            await Eventually.UntilAsync(() => client.IsConnected, "the client to stay connected");
            await Task.Delay(50);
        }

        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Connect_times_out_when_the_broker_never_answers()
    {
        await using var broker = new FakeBroker();
        var time = new ManualTimeProvider();
        await using var client = new MqttClient(OptionsFor(broker), time);
        var accepting = broker.AcceptAsync();
        var connecting = client.ConnectAsync();
        using var session = await accepting;
        Assert.Equal(1, (await session.ReadAsync())!.Type);

        time.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<MqttException>(() => connecting);
        Assert.Contains("did not accept the connection within 10 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, MqttConnectReturnCode.UnacceptableProtocolVersion, "unacceptable protocol version")]
    [InlineData(2, MqttConnectReturnCode.IdentifierRejected, "client identifier 'session-test' rejected")]
    [InlineData(3, MqttConnectReturnCode.ServerUnavailable, "server unavailable")]
    [InlineData(4, MqttConnectReturnCode.BadUserNameOrPassword, "bad user name or password")]
    [InlineData(5, MqttConnectReturnCode.NotAuthorized, "not authorized")]
    public async Task Refused_connect_becomes_a_typed_exception(byte code, MqttConnectReturnCode expected, string text)
    {
        await using var broker = new FakeBroker();
        await using var client = new MqttClient(OptionsFor(broker), new ManualTimeProvider());
        var accepting = broker.AcceptAsync();
        var connecting = client.ConnectAsync();
        using var session = await accepting;
        await session.HandshakeAsync(code);

        var error = await Assert.ThrowsAsync<MqttException>(() => connecting);

        Assert.Equal(expected, error.ConnectReturnCode);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"MQTT broker 127.0.0.1:{broker.Port} refused the connection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_listening_is_a_clear_error()
    {
        var port = FreePort.Next();
        await using var client = new MqttClient(new MqttClientOptions { Port = port }, new ManualTimeProvider());

        var error = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync());

        Assert.StartsWith($"Cannot connect to MQTT broker 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unacknowledged_qos1_message_is_resent_with_dup_and_same_id_after_reconnect()
    {
        await using var broker = new FakeBroker();
        var time = new ManualTimeProvider();
        await using var client = new MqttClient(OptionsFor(broker), time);
        var first = await ConnectAsync(broker, client);

        Assert.Equal(MqttPublishOutcome.Queued, await client.PublishAsync("t/a", "1", MqttQualityOfService.AtLeastOnce));
        var original = await first.ReadUntilAsync(PUBLISH);
        Assert.Equal(0x02, original.Flags); // QoS 1, no DUP
        first.Reset(); // the PUBACK never comes
        first.Dispose();
        await Eventually.UntilAsync(() => !client.IsConnected, "the client to notice the reset");
        Assert.Equal(1, client.InflightCount);

        // Reconnect after the backoff delay (manual clock).
        FakeSession? second = null;
        await Eventually.UntilAsync(async () =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            if (!broker.HasPendingConnection)
            {
                return false;
            }

            second = await broker.AcceptAsync();
            return true;
        }, "the client to reconnect");
        using var session = second!;
        await session.HandshakeAsync();
        var resent = await session.ReadUntilAsync(PUBLISH);

        Assert.Equal(0x0A, resent.Flags); // DUP + QoS 1
        Assert.Equal(original.Body, resent.Body); // same topic, packet id and payload
        var flushing = client.FlushAsync();
        Assert.False(flushing.IsCompleted);
        await session.SendAsync(0x40, 0x02, resent.Body[5], resent.Body[6]); // PUBACK with the packet id after "t/a"
        await flushing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, client.InflightCount);
    }
}
