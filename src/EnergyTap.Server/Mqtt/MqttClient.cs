using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Server.Mqtt;

/// <summary>
/// A small MQTT 3.1.1 client for publishing telemetry: QoS 0 and 1, retain, last will / availability,
/// subscriptions, keep-alive, and automatic reconnect with exponential backoff.
/// <para>
/// QoS 1 messages live in the client until the broker acknowledges them: while disconnected they wait in a
/// bounded offline queue (oldest dropped when full, see <see cref="DroppedCount"/>); messages sent but not
/// acknowledged when a connection breaks are re-sent with the DUP flag after reconnecting. QoS 0 messages
/// published while disconnected are dropped.
/// </para>
/// </summary>
public sealed partial class MqttClient : IAsyncDisposable
{
    private readonly MqttClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly LinkedList<OutgoingMessage> _queue = new();
    private readonly Dictionary<ushort, OutgoingMessage> _inflight = [];
    private readonly Dictionary<ushort, TaskCompletionSource<byte[]>> _pendingSubAcks = [];
    private readonly Dictionary<string, MqttQualityOfService> _subscriptions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private MqttConnection? _current;
    private MqttConnection? _ready;
    private Task _supervisor = Task.CompletedTask;
    private Task _pump = Task.CompletedTask;
    private ushort _lastPacketId;
    private long _sequence;
    private long _dropped;
    private bool _started;
    private bool _disposed;

    /// <summary>Creates a client; nothing is sent until <see cref="ConnectAsync"/>.</summary>
    public MqttClient(MqttClientOptions options, TimeProvider? timeProvider = null, ILogger<MqttClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Raised (on the receive loop; keep handlers short) for every message on a subscribed topic.</summary>
    public event EventHandler<MqttMessageReceivedEventArgs>? MessageReceived;

    /// <summary>Raised after every successful (re)connect, once the client is ready to publish.</summary>
    public event EventHandler<MqttConnectedEventArgs>? Connected;

    /// <summary>The options this client was created with.</summary>
    public MqttClientOptions Options => _options;

    /// <summary>True while connected and ready.</summary>
    public bool IsConnected => Volatile.Read(ref _ready) is not null;

    /// <summary>QoS 1 messages waiting to be sent (offline queue).</summary>
    public int QueuedCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>QoS 1 messages sent and not yet acknowledged.</summary>
    public int InflightCount
    {
        get
        {
            lock (_gate)
            {
                return _inflight.Count;
            }
        }
    }

    /// <summary>Messages given up: QoS 0 while disconnected, and QoS 1 pushed out of a full offline queue.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Connects (bounded by <see cref="MqttClientOptions.ConnectTimeout"/>) and from then on keeps the connection
    /// alive, reconnecting with backoff when it breaks. Throws <see cref="MqttException"/> when the first
    /// connection fails or is refused (bad credentials…); call again to retry.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                throw new InvalidOperationException("This MQTT client is already connected; it reconnects by itself.");
            }

            _started = true;
        }

        try
        {
            await EstablishAsync(isReconnect: false, cancellationToken);
        }
        catch
        {
            lock (_gate)
            {
                _started = false;
            }

            throw;
        }

        _pump = Task.Run(PumpAsync);
        _supervisor = Task.Run(SuperviseAsync);
    }

    /// <summary>Publishes a text payload (UTF-8).</summary>
    public Task<MqttPublishOutcome> PublishAsync(
        string topic, string payload, MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce,
        bool retain = false, CancellationToken cancellationToken = default) =>
        PublishAsync(MqttApplicationMessage.FromText(topic, payload, qualityOfService, retain), cancellationToken);

    /// <summary>
    /// Publishes <paramref name="message"/>. QoS 0 is written now or dropped when disconnected; QoS 1 is handed to
    /// the client's session (see the class remarks) and returns at once — use <see cref="FlushAsync"/> to wait for
    /// acknowledgements. Messages may be published before <see cref="ConnectAsync"/>: QoS 1 ones wait in the queue.
    /// </summary>
    public async Task<MqttPublishOutcome> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed, this);
        MqttTopic.ValidateTopicName(message.Topic);
        if (message.QualityOfService == MqttQualityOfService.AtMostOnce)
        {
            var connection = Volatile.Read(ref _ready);
            if (connection is null)
            {
                Interlocked.Increment(ref _dropped);
                return MqttPublishOutcome.Dropped;
            }

            try
            {
                await connection.SendAsync(MqttPackets.Publish(message, 0), cancellationToken);
                return MqttPublishOutcome.Sent;
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                // A half-written packet would corrupt the stream: start over on a fresh connection.
                connection.Abort(e);
                throw;
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                connection.Abort(e);
                Interlocked.Increment(ref _dropped);
                return MqttPublishOutcome.Dropped;
            }
        }

        lock (_gate)
        {
            if (_queue.Count >= _options.OfflineQueueCapacity)
            {
                var oldest = _queue.First!.Value;
                _queue.RemoveFirst();
                _dropped++;
                LogQueueOverflow(_logger, oldest.Message.Topic, _options.OfflineQueueCapacity);
            }

            _queue.AddLast(new OutgoingMessage(message, ++_sequence));
        }

        Wake();
        return MqttPublishOutcome.Queued;
    }

    /// <summary>
    /// Subscribes to <paramref name="topicFilter"/> (QoS 0 or 1). The subscription is remembered and renewed after
    /// every reconnect. When connected, waits for SUBACK (bounded by <see cref="MqttClientOptions.AckTimeout"/>).
    /// </summary>
    public async Task SubscribeAsync(
        string topicFilter, MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce, CancellationToken cancellationToken = default)
    {
        MqttTopic.ValidateTopicFilter(topicFilter);
        ObjectDisposedException.ThrowIf(_disposed, this);
        MqttConnection? connection;
        lock (_gate)
        {
            _subscriptions[topicFilter] = qualityOfService;
            connection = _ready;
        }

        if (connection is not null)
        {
            await SendSubscribeAsync(connection, [new(topicFilter, qualityOfService)], cancellationToken);
        }
    }

    /// <summary>Waits until every QoS 1 message published so far has been acknowledged by the broker.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Task idle;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_queue.Count == 0 && _inflight.Count == 0)
            {
                return;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Add(waiter);
            idle = waiter.Task;
        }

        await idle.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes the offline availability payload (if configured), sends DISCONNECT (so the broker discards the
    /// last will) and closes the connection. Unacknowledged QoS 1 messages are abandoned; call
    /// <see cref="FlushAsync"/> first to deliver them.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        // Stop reconnecting and pumping first, so the broker closing the socket after DISCONNECT is not "lost".
        await _lifetime.CancelAsync();
        var connection = Volatile.Read(ref _ready);
        if (connection is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.AckTimeout, _time);
                if (_options.AvailabilityTopic is not null)
                {
                    var offline = MqttApplicationMessage.FromText(_options.AvailabilityTopic, _options.OfflinePayload, retain: true);
                    await connection.SendAsync(MqttPackets.Publish(offline, 0), timeout.Token);
                }

                await connection.SendAsync(MqttPackets.Disconnect, timeout.Token);
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                LogDisconnectFailed(_logger, _options.Endpoint, e.Message);
            }
        }

        var current = Volatile.Read(ref _current);
        if (current is not null)
        {
            await current.DisposeAsync();
        }

        await Task.WhenAll(_supervisor, _pump).ContinueWith(_ => { }, TaskScheduler.Default);
        lock (_gate)
        {
            foreach (var pending in _pendingSubAcks.Values)
            {
                pending.TrySetException(new ObjectDisposedException(nameof(MqttClient)));
            }

            foreach (var waiter in _idleWaiters)
            {
                waiter.TrySetException(new ObjectDisposedException(nameof(MqttClient)));
            }

            _pendingSubAcks.Clear();
            _idleWaiters.Clear();
        }

        _lifetime.Dispose();
        _wake.Dispose();
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is IOException or SocketException or ObjectDisposedException or MqttException
            or OperationCanceledException or TimeoutException;

    /// <summary>Connects, restores the session (availability, subscriptions, unacknowledged QoS 1) and marks the client ready.</summary>
    private async Task EstablishAsync(bool isReconnect, CancellationToken cancellationToken)
    {
        var (connection, sessionPresent) = await MqttConnection.OpenAsync(_options, _time, cancellationToken);
        try
        {
            connection.Start(HandlePacketAsync);
            Volatile.Write(ref _current, connection);
            if (_options.AvailabilityTopic is not null)
            {
                var online = MqttApplicationMessage.FromText(_options.AvailabilityTopic, _options.OnlinePayload, retain: true);
                await connection.SendAsync(MqttPackets.Publish(online, 0), cancellationToken);
            }

            KeyValuePair<string, MqttQualityOfService>[] subscriptions;
            OutgoingMessage[] unacknowledged;
            lock (_gate)
            {
                subscriptions = [.. _subscriptions];
                unacknowledged = [.. _inflight.Values.OrderBy(m => m.Sequence)];
            }

            if (subscriptions.Length > 0)
            {
                await SendSubscribeAsync(connection, subscriptions, cancellationToken);
            }

            foreach (var message in unacknowledged)
            {
                // Same packet id, DUP set: the broker may have received it before the connection broke (§4.4).
                await connection.SendAsync(MqttPackets.Publish(message.Message, message.PacketId, duplicate: true), cancellationToken);
            }

            Volatile.Write(ref _ready, connection);
        }
        catch
        {
            Volatile.Write(ref _current, null);
            await connection.DisposeAsync();
            throw;
        }

        LogConnected(_logger, _options.Endpoint, _options.ClientId, isReconnect);
        Wake();
        Connected?.Invoke(this, new MqttConnectedEventArgs(isReconnect, sessionPresent));
    }

    /// <summary>Waits for the connection to break, then reconnects with exponential backoff until disposed.</summary>
    private async Task SuperviseAsync()
    {
        var stopping = _lifetime.Token;
        while (!stopping.IsCancellationRequested)
        {
            var connection = Volatile.Read(ref _current);
            if (connection is null)
            {
                return;
            }

            Exception reason;
            try
            {
                reason = await connection.Completion.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Volatile.Write(ref _ready, null);
            Volatile.Write(ref _current, null);
            FailPendingSubAcks(reason);
            await connection.DisposeAsync();
            LogConnectionLost(_logger, _options.Endpoint, reason.Message);

            var delay = _options.ReconnectDelayMin;
            while (true)
            {
                try
                {
                    await Task.Delay(delay, _time, stopping);
                    await EstablishAsync(isReconnect: true, stopping);
                    break;
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (IsConnectionFailure(e))
                {
                    LogReconnectFailed(_logger, _options.Endpoint, e.Message, delay.TotalSeconds);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectDelayMax.Ticks));
                }
            }
        }
    }

    /// <summary>Sends queued QoS 1 messages whenever the client is ready and the in-flight window has room.</summary>
    private async Task PumpAsync()
    {
        var stopping = _lifetime.Token;
        while (true)
        {
            try
            {
                await _wake.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (true)
            {
                MqttConnection? connection;
                OutgoingMessage next;
                lock (_gate)
                {
                    connection = _ready;
                    if (connection is null || _queue.Count == 0 || _inflight.Count >= _options.MaxInflight)
                    {
                        break;
                    }

                    next = _queue.First!.Value;
                    _queue.RemoveFirst();
                    next.PacketId = NextPacketId();
                    _inflight[next.PacketId] = next;
                }

                try
                {
                    await connection.SendAsync(MqttPackets.Publish(next.Message, next.PacketId), stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (IsConnectionFailure(e))
                {
                    // The message stays in flight and is re-sent with DUP after the reconnect.
                    connection.Abort(e);
                    break;
                }
            }
        }
    }

    private async Task HandlePacketAsync(MqttPacket packet, MqttConnection connection)
    {
        switch (packet.Type)
        {
            case MqttPacketType.PUBACK:
                lock (_gate)
                {
                    _inflight.Remove(packet.LeadingPacketId());
                    ReleaseIdleWaitersIfIdle();
                }

                Wake();
                break;
            case MqttPacketType.SUBACK:
                TaskCompletionSource<byte[]>? pending;
                lock (_gate)
                {
                    _pendingSubAcks.Remove(packet.LeadingPacketId(), out pending);
                }

                pending?.TrySetResult(packet.Body[2..]);
                break;
            case MqttPacketType.PUBLISH:
                var (message, packetId) = packet.DecodePublish();
                if (message.QualityOfService == MqttQualityOfService.AtLeastOnce)
                {
                    await connection.SendAsync(MqttPackets.PubAck(packetId), _lifetime.Token);
                }

                RaiseMessageReceived(message);
                break;
            default:
                throw new MqttException($"MQTT broker {_options.Endpoint} sent an unexpected {packet.Type} packet.");
        }
    }

    private void RaiseMessageReceived(MqttApplicationMessage message)
    {
        try
        {
            MessageReceived?.Invoke(this, new MqttMessageReceivedEventArgs(message));
        }
#pragma warning disable CA1031 // A faulty handler must not kill the connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, message.Topic, e);
        }
    }

    private async Task SendSubscribeAsync(
        MqttConnection connection, IReadOnlyList<KeyValuePair<string, MqttQualityOfService>> filters, CancellationToken cancellationToken)
    {
        ushort packetId;
        var acknowledged = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            packetId = NextPacketId();
            _pendingSubAcks[packetId] = acknowledged;
        }

        byte[] codes;
        try
        {
            await connection.SendAsync(MqttPackets.Subscribe(packetId, filters), cancellationToken);
            // A connection that dies meanwhile fails the wait at once instead of after the timeout.
            var first = await Task.WhenAny(acknowledged.Task, connection.Completion).WaitAsync(_options.AckTimeout, _time, cancellationToken);
            if (first != acknowledged.Task)
            {
                throw new MqttException($"Connection to MQTT broker {_options.Endpoint} broke while subscribing: {connection.Completion.Result.Message}");
            }

            codes = await acknowledged.Task;
        }
        catch (TimeoutException)
        {
            throw new MqttException($"MQTT broker {_options.Endpoint} did not acknowledge SUBSCRIBE within {_options.AckTimeout.TotalSeconds:0.#} s.");
        }
        finally
        {
            lock (_gate)
            {
                _pendingSubAcks.Remove(packetId);
            }
        }

        for (var i = 0; i < filters.Count && i < codes.Length; i++)
        {
            if (codes[i] == 0x80)
            {
                throw new MqttException($"MQTT broker {_options.Endpoint} refused the subscription to '{filters[i].Key}' (not authorized?).");
            }
        }
    }

    private void FailPendingSubAcks(Exception reason)
    {
        lock (_gate)
        {
            foreach (var pending in _pendingSubAcks.Values)
            {
                pending.TrySetException(new MqttException($"Connection to MQTT broker {_options.Endpoint} lost: {reason.Message}", reason));
            }

            _pendingSubAcks.Clear();
        }
    }

    /// <summary>Next free packet identifier (1–65535, never one still awaiting its acknowledgement). Call under _gate.</summary>
    private ushort NextPacketId()
    {
        do
        {
            _lastPacketId = _lastPacketId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastPacketId + 1);
        }
        while (_inflight.ContainsKey(_lastPacketId) || _pendingSubAcks.ContainsKey(_lastPacketId));

        return _lastPacketId;
    }

    private void ReleaseIdleWaitersIfIdle()
    {
        if (_queue.Count > 0 || _inflight.Count > 0)
        {
            return;
        }

        foreach (var waiter in _idleWaiters)
        {
            waiter.TrySetResult();
        }

        _idleWaiters.Clear();
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
        catch (ObjectDisposedException)
        {
            // Disposed concurrently.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connected to {Endpoint} as {ClientId} (reconnect: {IsReconnect})")]
    private static partial void LogConnected(ILogger logger, string endpoint, string clientId, bool isReconnect);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection to {Endpoint} lost: {Reason}")]
    private static partial void LogConnectionLost(ILogger logger, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT reconnect to {Endpoint} failed: {Reason} (waited {DelaySeconds} s)")]
    private static partial void LogReconnectFailed(ILogger logger, string endpoint, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT offline queue full ({Capacity}); dropped the oldest message for {Topic}")]
    private static partial void LogQueueOverflow(ILogger logger, string topic, int capacity);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT clean disconnect from {Endpoint} failed: {Reason}")]
    private static partial void LogDisconnectFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT message handler failed for {Topic}")]
    private static partial void LogHandlerFailed(ILogger logger, string topic, Exception exception);

    /// <summary>A QoS 1 message owned by the client until PUBACK.</summary>
    private sealed class OutgoingMessage(MqttApplicationMessage message, long sequence)
    {
        public MqttApplicationMessage Message { get; } = message;

        public long Sequence { get; } = sequence;

        public ushort PacketId { get; set; }
    }
}
