using System.Net.Sockets;

namespace EnergyTap.Server.Mqtt;

/// <summary>
/// One TCP connection to the broker after a successful CONNECT: serialized writes, a read loop that hands
/// packets to the client, and keep-alive (PINGREQ when idle, drop the connection when PINGRESP never comes).
/// </summary>
internal sealed class MqttConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly TimeProvider _time;
    private readonly MqttClientOptions _options;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<Exception> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _keepAliveTimer;
    private Task _readLoop = Task.CompletedTask;
    private Exception? _abortReason;
    private long _lastSent;
    private long _lastReceived;
    private long _pingSentAt;

    private MqttConnection(TcpClient tcp, MqttClientOptions options, TimeProvider time)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _options = options;
        _time = time;
        _lastSent = _lastReceived = time.GetTimestamp();
    }

    /// <summary>Completes with the reason once the connection is gone (closed by either side or aborted).</summary>
    public Task<Exception> Completion => _completion.Task;

    /// <summary>Opens TCP, sends CONNECT and checks CONNACK, all within <see cref="MqttClientOptions.ConnectTimeout"/>.</summary>
    public static async Task<(MqttConnection Connection, bool SessionPresent)> OpenAsync(
        MqttClientOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(options.Host, options.Port, linked.Token);
            var stream = tcp.GetStream();
            await stream.WriteAsync(MqttPackets.Connect(options), linked.Token);
            var answer = await MqttPacket.ReadAsync(stream, options.MaxIncomingPacketSize, linked.Token)
                ?? throw new MqttException($"MQTT broker {options.Endpoint} closed the connection without answering CONNECT.");
            if (answer.Type != MqttPacketType.CONNACK || answer.Body.Length != 2)
            {
                throw new MqttException($"MQTT broker {options.Endpoint} answered CONNECT with {answer.Type} instead of CONNACK.");
            }

            var code = (MqttConnectReturnCode)answer.Body[1];
            if (code != MqttConnectReturnCode.Accepted)
            {
                throw MqttException.Refused(options.Endpoint, code, options.ClientId);
            }

            return (new MqttConnection(tcp, options, time), (answer.Body[0] & 0x01) != 0);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new MqttException($"MQTT broker {options.Endpoint} did not accept the connection within {options.ConnectTimeout.TotalSeconds:0.#} s.");
        }
        catch (SocketException e)
        {
            tcp.Dispose();
            throw new MqttException($"Cannot connect to MQTT broker {options.Endpoint}: {e.Message}.", e);
        }
        catch (IOException e)
        {
            tcp.Dispose();
            throw new MqttException($"Connection to MQTT broker {options.Endpoint} broke during CONNECT: {e.Message}", e);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Starts reading packets (PINGRESP is handled here, everything else goes to <paramref name="onPacket"/>) and the keep-alive timer.</summary>
    public void Start(Func<MqttPacket, MqttConnection, Task> onPacket)
    {
        _readLoop = Task.Run(() => ReadLoopAsync(onPacket));
        if (_options.KeepAlive > TimeSpan.Zero)
        {
            var tick = _options.KeepAlive / 2;
            _keepAliveTimer = _time.CreateTimer(_ => OnKeepAliveTick(), null, tick, tick);
        }
    }

    /// <summary>Writes one encoded packet; writes from several callers never interleave.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> packet, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(packet, cancellationToken);
            Interlocked.Exchange(ref _lastSent, _time.GetTimestamp());
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Drops the connection at once (no DISCONNECT: the broker will publish the last will).</summary>
    public void Abort(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _abortReason, reason, null) is not null)
        {
            return;
        }

        _closing.Cancel();
        // Closing the socket wakes a read blocked in the kernel.
        _tcp.Close();
    }

    public async ValueTask DisposeAsync()
    {
        Abort(new ObjectDisposedException(nameof(MqttConnection)));
        if (_keepAliveTimer is not null)
        {
            await _keepAliveTimer.DisposeAsync();
        }

        try
        {
            await _readLoop;
        }
        catch (OperationCanceledException)
        {
            // Expected while closing.
        }

        _tcp.Dispose();
        _closing.Dispose();
        _writeLock.Dispose();
    }

    private async Task ReadLoopAsync(Func<MqttPacket, MqttConnection, Task> onPacket)
    {
        Exception reason;
        try
        {
            while (true)
            {
                var packet = await MqttPacket.ReadAsync(_stream, _options.MaxIncomingPacketSize, _closing.Token);
                if (packet is not { } received)
                {
                    reason = new MqttException($"MQTT broker {_options.Endpoint} closed the connection.");
                    break;
                }

                Interlocked.Exchange(ref _lastReceived, _time.GetTimestamp());
                if (received.Type == MqttPacketType.PINGRESP)
                {
                    Interlocked.Exchange(ref _pingSentAt, 0);
                    continue;
                }

                await onPacket(received, this);
            }
        }
#pragma warning disable CA1031 // Any failure ends this connection; the client reconnects and reports it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reason = e;
        }

        var final = Volatile.Read(ref _abortReason) ?? reason;
        _keepAliveTimer?.Dispose();
        _tcp.Close();
        _completion.TrySetResult(final);
    }

    private void OnKeepAliveTick()
    {
        var now = _time.GetTimestamp();
        var pingSentAt = Interlocked.Read(ref _pingSentAt);
        if (pingSentAt != 0)
        {
            if (_time.GetElapsedTime(pingSentAt, now) >= _options.KeepAlive)
            {
                Abort(new MqttException(
                    $"MQTT broker {_options.Endpoint} did not answer PINGREQ within {_options.KeepAlive.TotalSeconds:0.#} s; reconnecting."));
            }

            return;
        }

        var idle = _options.KeepAlive / 2;
        // Ping when we have been quiet (the broker needs a packet every keep-alive) or the broker has (to detect a dead link).
        if (_time.GetElapsedTime(Interlocked.Read(ref _lastSent), now) >= idle
            || _time.GetElapsedTime(Interlocked.Read(ref _lastReceived), now) >= idle)
        {
            Interlocked.Exchange(ref _pingSentAt, now);
            _ = PingAsync();
        }
    }

    private async Task PingAsync()
    {
        try
        {
            await SendAsync(MqttPackets.PingReq, _closing.Token);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            Abort(e);
        }
    }
}
