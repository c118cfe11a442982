using System.Text;
using EnergyTap.Server.Mqtt;

namespace EnergyTap.Server.Tests.Mqtt;

public sealed class MqttWireTests
{
    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public async Task Remaining_length_round_trips_at_every_byte_boundary(int value, byte[] expected)
    {
        var buffer = new byte[4];
        var written = MqttRemainingLength.Encode(value, buffer);

        Assert.Equal(expected, buffer[..written]);
        Assert.Equal(written, MqttRemainingLength.SizeOf(value));
        using var stream = new MemoryStream(expected);
        Assert.Equal(value, await MqttRemainingLength.ReadAsync(stream, new byte[1], CancellationToken.None));
    }

    [Fact]
    public async Task Remaining_length_longer_than_four_bytes_is_malformed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttRemainingLength.Encode(268_435_456, new byte[4]));
        using var stream = new MemoryStream([0xFF, 0xFF, 0xFF, 0xFF, 0x01]);
        await Assert.ThrowsAsync<MqttException>(async () => await MqttRemainingLength.ReadAsync(stream, new byte[1], CancellationToken.None));
    }

    [Fact]
    public void Connect_carries_protocol_level_flags_will_and_credentials_in_order()
    {
        var packet = MqttPackets.Connect(new MqttClientOptions
        {
            ClientId = "et",
            Username = "u",
            Password = "p",
            KeepAlive = TimeSpan.FromSeconds(30),
            AvailabilityTopic = "energytap/status",
        });

        byte[] expected =
        [
            0x10, 0, // CONNECT, length patched below
            0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04,
            0x80 | 0x40 | 0x20 | 0x08 | 0x04 | 0x02, // user, password, will retain, will QoS 1, will, clean session
            0x00, 30,
            0x00, 0x02, (byte)'e', (byte)'t',
            0x00, 0x10, .. Encoding.UTF8.GetBytes("energytap/status"),
            0x00, 0x07, .. Encoding.UTF8.GetBytes("offline"),
            0x00, 0x01, (byte)'u',
            0x00, 0x01, (byte)'p',
        ];
        expected[1] = (byte)(expected.Length - 2);
        Assert.Equal(expected, packet);
    }

    [Fact]
    public void Publish_sets_qos_retain_and_dup_bits_and_writes_utf8_topic_and_packet_id()
    {
        var message = MqttApplicationMessage.FromText("énergie/ä", "42", MqttQualityOfService.AtLeastOnce, retain: true);

        var packet = MqttPackets.Publish(message, packetId: 0x1234, duplicate: true);

        var topic = Encoding.UTF8.GetBytes("énergie/ä");
        byte[] expected = [0x3B, (byte)(2 + topic.Length + 2 + 2), 0x00, (byte)topic.Length, .. topic, 0x12, 0x34, (byte)'4', (byte)'2'];
        Assert.Equal(expected, packet);
    }

    [Fact]
    public void Qos0_publish_has_no_packet_id_and_large_payloads_use_multi_byte_lengths()
    {
        var payload = new byte[200];
        var packet = MqttPackets.Publish(new MqttApplicationMessage("t", payload), packetId: 7);

        Assert.Equal(0x30, packet[0]);
        Assert.Equal([0xCB, 0x01], packet[1..3]); // 3 + 200 = 203
        Assert.Equal(1 + 2 + 203, packet.Length);
    }

    [Fact]
    public void Subscribe_uses_reserved_flags_and_lists_filters_with_qos()
    {
        var packet = MqttPackets.Subscribe(5, [new("a/#", MqttQualityOfService.AtLeastOnce)]);

        Assert.Equal([0x82, 8, 0x00, 0x05, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'#', 0x01], packet);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/+/b")]
    [InlineData("a/#")]
    [InlineData("nul\0")]
    public void Invalid_topic_names_are_refused(string topic) =>
        Assert.Throws<ArgumentException>(() => MqttTopic.ValidateTopicName(topic));

    [Theory]
    [InlineData("a/#/b")]
    [InlineData("a/b#")]
    [InlineData("a/b+/c")]
    public void Invalid_topic_filters_are_refused(string filter) =>
        Assert.Throws<ArgumentException>(() => MqttTopic.ValidateTopicFilter(filter));

    [Theory]
    [InlineData("home/lake house", "home_lake_house")]
    [InlineData("pvs6+#", "pvs6__")]
    [InlineData("", "_")]
    [InlineData("agate-1.local", "agate-1.local")]
    public void Topic_levels_are_sanitized(string text, string expected) =>
        Assert.Equal(expected, MqttTopic.SanitizeLevel(text));

    [Fact]
    public void Options_refuse_a_password_without_user_name()
    {
        var options = new MqttClientOptions { Password = "secret" };
        var error = Assert.Throws<ArgumentException>(() => new MqttClient(options));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", options.ToString() ?? string.Empty, StringComparison.Ordinal);
    }
}
