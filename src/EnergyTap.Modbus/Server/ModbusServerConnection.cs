using System.Net;
using System.Net.Sockets;
using EnergyTap.Modbus.Framing;
using EnergyTap.Modbus.Transport;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Modbus.Server;

/// <summary>
/// Serves one client: reads request frames, answers each in turn. Anything that is not a valid frame,
/// a peer that vanishes mid-frame or stays silent past the idle timeout ends this connection only.
/// </summary>
internal sealed class ModbusServerConnection(
    Socket socket, IModbusFrameCodec codec, ModbusRequestHandler handler, ModbusServerOptions options, ModbusServerStatistics statistics)
{
    private readonly EndPoint? remote = socket.RemoteEndPoint;

    public async Task RunAsync(CancellationToken stopping)
    {
        ModbusServerLog.ClientConnected(options.Logger, remote);
        var reason = "closed by client";
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = new FrameReader(stream, codec, readsRequests: true);
        var output = new byte[codec.MaxFrameLength];
        var pdu = new byte[ModbusFunctionCodes.MaxPduLength];
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, idle.Token);
        try
        {
            while (true)
            {
                idle.CancelAfter(options.IdleTimeout);
                if (await reader.ReadFrameAsync(linked.Token) is not { } frame)
                {
                    break;
                }

                var length = Answer(frame.UnitId, frame.Pdu(reader.Buffer), pdu);
                if (length > 0)
                {
                    var frameLength = codec.Encode(frame.TransactionId, frame.UnitId, pdu.AsSpan(0, length), output);
                    await stream.WriteAsync(output.AsMemory(0, frameLength), linked.Token);
                }
            }
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            reason = $"idle for {options.IdleTimeout}";
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            reason = "server stopping";
        }
        catch (ModbusProtocolException ex)
        {
            statistics.BadFrame();
            reason = ex.Message;
        }
        catch (ModbusException ex)
        {
            reason = ex.Message;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            reason = ex.Message;
        }

        ModbusServerLog.ClientDisconnected(options.Logger, remote, reason);
    }

    /// <summary>The response PDU's length (0: no answer). A throwing hook costs one SERVER DEVICE FAILURE, not the connection.</summary>
    private int Answer(byte unitId, ReadOnlySpan<byte> request, Span<byte> response)
    {
        statistics.Request();
        int length;
        try
        {
            length = handler.Handle(unitId, request, response);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            statistics.HookFailure();
            ModbusServerLog.HookFailed(options.Logger, ex, unitId, request[0]);
            length = ModbusRequestHandler.Exception(response, request[0], ModbusExceptionCode.ServerDeviceFailure);
        }

        if (length == 2 && (response[0] & ModbusFunctionCodes.ExceptionFlag) != 0)
        {
            statistics.ExceptionResponse();
        }

        return length;
    }
}
