using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using EnergyTap.Modbus.Framing;

namespace EnergyTap.Modbus.Server;

/// <summary>
/// A Modbus TCP (or RTU-over-TCP) server answering FC 3, 4, 6, 16 and 23 from a <see cref="ModbusRegisterMap"/>.
/// Many clients at once, each served in order; a misbehaving client only loses its own connection.
/// Requests for unit ids without registers are answered as <see cref="ModbusServerOptions.UnknownUnitResponse"/> says.
/// </summary>
public sealed class ModbusTcpServer : IAsyncDisposable
{
    private readonly ModbusServerOptions options;
    private readonly IModbusFrameCodec codec;
    private readonly ModbusRequestHandler handler;
    private readonly ConcurrentDictionary<Socket, Task> clients = new();
    private readonly CancellationTokenSource stopping = new();
    private Socket? listener;
    private Task? acceptLoop;
    private IPEndPoint? localEndpoint;

    public ModbusTcpServer(ModbusRegisterMap registers, ModbusServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registers);
        this.options = options ?? new ModbusServerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MaxConnections, 1);
        if (this.options.IdleTimeout <= TimeSpan.Zero && this.options.IdleTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.IdleTimeout, "IdleTimeout must be positive or Timeout.InfiniteTimeSpan");
        }
        Registers = registers;
        codec = IModbusFrameCodec.For(this.options.Framing);
        handler = new ModbusRequestHandler(registers, this.options.UnknownUnitResponse);
    }

    public ModbusRegisterMap Registers { get; }

    /// <summary>The address and port actually bound (the chosen port when the options asked for port 0).</summary>
    public IPEndPoint LocalEndpoint => localEndpoint ?? throw new InvalidOperationException("the Modbus server has not been started");

    public int ConnectionCount => clients.Count;

    public ModbusServerStatistics Statistics { get; } = new();

    /// <summary>Binds and starts accepting clients; returns once the server is listening.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
        if (listener is not null)
        {
            throw new InvalidOperationException("the Modbus server is already started");
        }

        var socket = new Socket(options.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (options.Endpoint.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true; // "[::]" means every address, IPv4 included
            }

            socket.Bind(options.Endpoint);
            socket.Listen(options.MaxConnections);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new ModbusConnectionException($"cannot listen on {options.Endpoint}: {ex.Message}", ex);
        }

        listener = socket;
        localEndpoint = (IPEndPoint)socket.LocalEndPoint!;
        ModbusServerLog.Listening(options.Logger, localEndpoint, options.Framing);
        acceptLoop = AcceptLoopAsync(socket, stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Stops listening, disconnects every client and waits until all of them are finished.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync();
        }

        listener?.Dispose();
        foreach (var socket in clients.Keys)
        {
            socket.Dispose();
        }

        var pending = clients.Values.ToList();
        if (acceptLoop is not null)
        {
            pending.Add(acceptLoop);
        }

        await Task.WhenAll(pending).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket socket, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            if (clients.Count >= options.MaxConnections)
            {
                ModbusServerLog.ConnectionRefused(options.Logger, client.RemoteEndPoint, options.MaxConnections);
                Statistics.Refused();
                client.Dispose();
                continue;
            }

            client.NoDelay = true;
            Statistics.Accepted();
            var connection = new ModbusServerConnection(client, codec, handler, options, Statistics);
            clients[client] = Task.CompletedTask;
            clients.TryUpdate(client, ServeAsync(client, connection, cancellationToken), Task.CompletedTask);
        }
    }

    private async Task ServeAsync(Socket client, ModbusServerConnection connection, CancellationToken cancellationToken)
    {
        var remote = client.RemoteEndPoint;
        await Task.Yield();
        try
        {
            await connection.RunAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // RunAsync handles every expected failure; anything else must still not take the server down.
            ModbusServerLog.ClientFailed(options.Logger, ex, remote);
        }
        finally
        {
            clients.TryRemove(client, out _);
        }
    }
}
