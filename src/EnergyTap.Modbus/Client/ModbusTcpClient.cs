using System.Net.Sockets;
using EnergyTap.Modbus.Framing;

namespace EnergyTap.Modbus;

/// <summary>
/// Modbus client over one TCP connection (Modbus TCP or RTU-over-TCP framing). Requests from several
/// tasks are sent one at a time, because devices such as the aGate answer one request at a time.
/// The connection opens on first use, reopens after it is lost (with backoff after failed attempts),
/// and the client stays usable after every error.
/// </summary>
public sealed class ModbusTcpClient : IModbusClient
{
    private const int MaxStaleTransactions = 16;

    private readonly ModbusClientOptions options;
    private readonly IModbusFrameCodec codec;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly byte[] sendBuffer;
    private readonly ReconnectBackoff backoff;
    private readonly Queue<ushort> staleTransactions = new();
    private ModbusClientConnection? connection;
    private ushort nextTransactionId;
    private int consecutiveTimeouts;
    private bool everConnected;
    private bool disposed;

    public ModbusTcpClient(ModbusClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        codec = IModbusFrameCodec.For(options.Framing);
        sendBuffer = new byte[codec.MaxFrameLength];
        backoff = new ReconnectBackoff(options.ReconnectBackoff, options.MaxReconnectBackoff, options.TimeProvider);
    }

    public ModbusClientOptions Options => options;

    public ModbusClientStatistics Statistics { get; } = new();

    /// <summary>Whether a connection is open right now (it may still turn out to be dead).</summary>
    public bool IsConnected => connection is not null;

    /// <summary>Opens the connection now instead of on the first request.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureConnectedAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default) =>
        ReadAsync(ModbusFunctionCodes.ReadHoldingRegisters, unitId, address, count, cancellationToken);

    public Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default) =>
        ReadAsync(ModbusFunctionCodes.ReadInputRegisters, unitId, address, count, cancellationToken);

    public Task WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken cancellationToken = default)
    {
        var pdu = new byte[5];
        ModbusRequestPdu.WriteSingle(pdu, address, value);
        return ExecuteAsync(unitId, pdu, response => { ModbusResponsePdu.WriteSingle(response, address, value); return true; }, cancellationToken);
    }

    public Task WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken = default)
    {
        var pdu = new byte[6 + (values.Length * 2)];
        ModbusRequestPdu.WriteMultiple(pdu, address, values.Span);
        var count = (ushort)values.Length;
        return ExecuteAsync(unitId, pdu, response => { ModbusResponsePdu.WriteMultiple(response, address, count); return true; }, cancellationToken);
    }

    /// <summary>FC 23: writes <paramref name="values"/> at <paramref name="writeAddress"/>, then reads, in one exchange.</summary>
    public Task<ushort[]> ReadWriteMultipleRegistersAsync(
        byte unitId, ushort readAddress, ushort readCount, ushort writeAddress, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken = default)
    {
        var pdu = new byte[10 + (values.Length * 2)];
        ModbusRequestPdu.ReadWriteMultiple(pdu, readAddress, readCount, writeAddress, values.Span);
        return ExecuteAsync(unitId, pdu, response => ModbusResponsePdu.ReadRegisters(response, ModbusFunctionCodes.ReadWriteMultipleRegisters, readCount), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await gate.WaitAsync();
        try
        {
            connection?.Dispose();
            connection = null;
        }
        finally
        {
            gate.Release();
        }
    }

    private Task<ushort[]> ReadAsync(byte functionCode, byte unitId, ushort address, ushort count, CancellationToken cancellationToken)
    {
        var pdu = new byte[5];
        ModbusRequestPdu.Read(pdu, functionCode, address, count);
        return ExecuteAsync(unitId, pdu, response => ModbusResponsePdu.ReadRegisters(response, functionCode, count), cancellationToken);
    }

    private delegate T ResponseParser<out T>(ReadOnlySpan<byte> pdu);

    private async Task<T> ExecuteAsync<T>(byte unitId, byte[] pdu, ResponseParser<T> parse, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var current = await EnsureConnectedAsync(cancellationToken);
            return await ExchangeAsync(current, unitId, pdu, parse, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<T> ExchangeAsync<T>(ModbusClientConnection current, byte unitId, byte[] pdu, ResponseParser<T> parse, CancellationToken cancellationToken)
    {
        var transactionId = nextTransactionId++;
        var length = codec.Encode(transactionId, unitId, pdu, sendBuffer);
        using var timeout = new CancellationTokenSource(options.RequestTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var inStep = false;
        var sent = false;
        try
        {
            await current.Stream.WriteAsync(sendBuffer.AsMemory(0, length), linked.Token);
            sent = true;
            Statistics.RequestSent();
            while (true)
            {
                inStep = false;
                var frame = await current.Reader.ReadFrameAsync(linked.Token)
                    ?? throw new ModbusConnectionException($"{Peer} closed the connection without answering");
                inStep = true;
                if (codec.HasTransactionIds && frame.TransactionId != transactionId)
                {
                    if (staleTransactions.Contains(frame.TransactionId))
                    {
                        Statistics.StaleResponse();
                        ModbusClientLog.StaleResponse(options.Logger, frame.TransactionId, options.Host, options.Port);
                        continue;
                    }

                    inStep = false;
                    throw new ModbusProtocolException($"wrong transaction id: got {frame.TransactionId}, expected {transactionId}");
                }

                // Over Modbus TCP the transaction id already pairs the answer with the request, and some gateways
                // rewrite the unit id; over RTU the unit id is all there is, so it must match.
                if (frame.UnitId != unitId && !codec.HasTransactionIds)
                {
                    throw new ModbusProtocolException($"response comes from unit {frame.UnitId}, request went to unit {unitId}");
                }

                consecutiveTimeouts = 0;
                try
                {
                    return parse(frame.Pdu(current.Reader.Buffer));
                }
                finally
                {
                    Statistics.RoundTrip();
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Statistics.Timeout();
            Abandon(current, transactionId, sent, "request timed out");
            throw new ModbusTimeoutException($"no answer from {Peer} unit {unitId} to function {pdu[0]} within {ModbusClientConnection.Describe(options.RequestTimeout)}");
        }
        catch (OperationCanceledException)
        {
            Abandon(current, transactionId, sent, "request cancelled");
            throw;
        }
        catch (ModbusExceptionResponseException)
        {
            Statistics.ExceptionResponse();
            throw;
        }
        catch (ModbusProtocolException ex)
        {
            Statistics.ProtocolError();
            if (!inStep)
            {
                Drop(current, ex.Message);
            }

            throw;
        }
        catch (ModbusConnectionException ex)
        {
            Statistics.ConnectionError();
            Drop(current, ex.Message);
            throw;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Statistics.ConnectionError();
            Drop(current, ex.Message);
            throw new ModbusConnectionException($"connection to {Peer} lost: {ex.Message}", ex);
        }
    }

    private string Peer => $"{options.Host}:{options.Port}";

    private async Task<ModbusClientConnection> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (connection is { LooksAlive: true })
        {
            return connection;
        }

        if (connection is not null)
        {
            Drop(connection, "peer closed the idle connection");
        }

        var remaining = backoff.Remaining;
        if (remaining > TimeSpan.Zero)
        {
            Statistics.ConnectionError();
            throw new ModbusConnectionException(
                $"not connected to {Peer}; next attempt in {ModbusClientConnection.Describe(remaining)} after {backoff.Failures} failed attempt(s): {backoff.LastError}");
        }

        try
        {
            connection = await ModbusClientConnection.OpenAsync(options, codec, cancellationToken);
        }
        catch (ModbusException ex)
        {
            Statistics.ConnectionError();
            var wait = backoff.Failed(ex.Message);
            ModbusClientLog.ConnectFailed(options.Logger, options.Host, options.Port, backoff.Failures, wait, ex.Message);
            throw;
        }

        backoff.Succeeded();
        Statistics.Connected(isReconnect: everConnected);
        everConnected = true;
        staleTransactions.Clear();
        consecutiveTimeouts = 0;
        ModbusClientLog.Connected(options.Logger, options.Host, options.Port, options.Framing);
        return connection;
    }

    /// <summary>
    /// A request was given up while its answer may still come. With transaction ids the late answer can be
    /// recognised and dropped, so the connection stays; without them (RTU) it would be mistaken for the next
    /// answer, so the connection goes.
    /// </summary>
    private void Abandon(ModbusClientConnection current, ushort transactionId, bool sent, string reason)
    {
        consecutiveTimeouts++;

        // A request cut off while being written leaves the device a partial frame: only a new connection is clean.
        if (!sent || !codec.HasTransactionIds || consecutiveTimeouts >= options.TimeoutsBeforeReconnect)
        {
            Drop(current, reason);
            return;
        }

        if (staleTransactions.Count == MaxStaleTransactions)
        {
            staleTransactions.Dequeue();
        }

        staleTransactions.Enqueue(transactionId);
    }

    private void Drop(ModbusClientConnection current, string reason)
    {
        ModbusClientLog.Dropped(options.Logger, options.Host, options.Port, reason);
        current.Dispose();
        if (ReferenceEquals(connection, current))
        {
            connection = null;
        }
    }
}
