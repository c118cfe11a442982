namespace EnergyTap.Server.Mqtt;

/// <summary>
/// How to reach and talk to an MQTT 3.1.1 broker. A class, not a record, so the password never shows up
/// in a generated ToString().
/// </summary>
public sealed class MqttClientOptions
{
    /// <summary>Broker host name or address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Broker TCP port (1883 is MQTT without TLS).</summary>
    public int Port { get; init; } = 1883;

    /// <summary>Client identifier; unique per broker (a second client with the same id kicks the first off).</summary>
    public string ClientId { get; init; } = "energytap";

    /// <summary>User name, or null for anonymous.</summary>
    public string? Username { get; init; }

    /// <summary>Password (needs <see cref="Username"/> in MQTT 3.1.1). Never logged.</summary>
    public string? Password { get; init; }

    /// <summary>Clean session: the broker keeps no subscriptions or queued messages between connections.</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>Keep-alive interval; the client pings when idle and drops a connection silent for 1.5 × this. Zero disables.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on TCP connect plus CONNECT/CONNACK.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on waiting for SUBACK.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First delay before reconnecting after a lost connection; doubles per failed attempt.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the reconnect delay.</summary>
    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many QoS 1 messages are kept while disconnected; beyond this the oldest is dropped (and counted).</summary>
    public int OfflineQueueCapacity { get; init; } = 10_000;

    /// <summary>How many QoS 1 messages may await PUBACK at once; the rest wait in the queue.</summary>
    public int MaxInflight { get; init; } = 100;

    /// <summary>Largest packet accepted from the broker.</summary>
    public int MaxIncomingPacketSize { get; init; } = 1024 * 1024;

    /// <summary>
    /// Availability topic: the broker publishes <see cref="OfflinePayload"/> there (retained, last will) when the
    /// client vanishes; the client publishes <see cref="OnlinePayload"/> (retained) after each connect and
    /// <see cref="OfflinePayload"/> before a clean disconnect. Null disables.
    /// </summary>
    public string? AvailabilityTopic { get; init; }

    /// <summary>Payload that marks the client available.</summary>
    public string OnlinePayload { get; init; } = "online";

    /// <summary>Payload that marks the client unavailable.</summary>
    public string OfflinePayload { get; init; } = "offline";

    /// <summary>host:port, for messages.</summary>
    public string Endpoint => $"{Host}:{Port}";

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentNullException.ThrowIfNull(ClientId, nameof(ClientId));
        if (ClientId.Length == 0 && !CleanSession)
        {
            throw new ArgumentException("An empty client id is only allowed with a clean session (MQTT 3.1.1).", nameof(ClientId));
        }

        if (Password is not null && Username is null)
        {
            throw new ArgumentException("MQTT 3.1.1 sends a password only together with a user name.", nameof(Password));
        }

        if (KeepAlive < TimeSpan.Zero || KeepAlive.TotalSeconds > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(KeepAlive), KeepAlive, "Keep-alive must be between 0 and 65535 seconds.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AckTimeout, TimeSpan.Zero, nameof(AckTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReconnectDelayMin, TimeSpan.Zero, nameof(ReconnectDelayMin));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectDelayMax, ReconnectDelayMin, nameof(ReconnectDelayMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(OfflineQueueCapacity, 1, nameof(OfflineQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInflight, 1, nameof(MaxInflight));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxInflight, 60_000, nameof(MaxInflight));
        if (AvailabilityTopic is not null)
        {
            MqttTopic.ValidateTopicName(AvailabilityTopic);
        }
    }
}
