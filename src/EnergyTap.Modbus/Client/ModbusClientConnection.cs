using System.Net.Sockets;
using EnergyTap.Modbus.Framing;
using EnergyTap.Modbus.Transport;

namespace EnergyTap.Modbus;

/// <summary>One open TCP connection of a client, with its frame reader.</summary>
internal sealed class ModbusClientConnection : IDisposable
{
    private readonly Socket socket;

    private ModbusClientConnection(Socket socket, IModbusFrameCodec codec)
    {
        this.socket = socket;
        Stream = new NetworkStream(socket, ownsSocket: true);
        Reader = new FrameReader(Stream, codec, readsRequests: false);
    }

    public NetworkStream Stream { get; }

    public FrameReader Reader { get; }

    /// <summary>
    /// False when the peer has closed (or reset) the connection while it sat idle. Devices drop idle clients,
    /// and noticing before sending spares the caller an error.
    /// </summary>
    public bool LooksAlive
    {
        get
        {
            try
            {
                return !(socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);
            }
            catch (SocketException)
            {
                return false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    public static async Task<ModbusClientConnection> OpenAsync(ModbusClientOptions options, IModbusFrameCodec codec, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, linked.Token);
            return new ModbusClientConnection(socket, codec);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ModbusTimeoutException($"connecting to {options.Host}:{options.Port} timed out after {Describe(options.ConnectTimeout)}");
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new ModbusConnectionException($"cannot connect to {options.Host}:{options.Port}: {ex.Message}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => Stream.Dispose();

    internal static string Describe(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.###} s" : $"{span.TotalMilliseconds:0} ms";
}
