using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace EnergyTap.Modbus.Tests.Support;

/// <summary>
/// A raw TCP peer on a free loopback port that does exactly what a test scripts: misbehaving devices
/// (wrong ids, short frames, silence, hang-ups) for the client, or a misbehaving client for the server.
/// Each accepted connection runs the script with the connection's stream and its index (0, 1, ...).
/// </summary>
internal sealed class FakePeer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private readonly List<Task> connections = [];

    public FakePeer(Func<NetworkStream, int, CancellationToken, Task> script)
    {
        listener.Start();
        acceptLoop = AcceptAsync(script);
    }

    /// <summary>A device that misbehaves on its first connection only and answers properly on every later one.</summary>
    public static FakePeer MisbehavingOnce(Func<NetworkStream, CancellationToken, Task> firstConnection) =>
        new((stream, index, ct) => index == 0 ? firstConnection(stream, ct) : EchoAddressesAsync(stream, ct));

    public IPEndPoint Endpoint => (IPEndPoint)listener.LocalEndpoint;

    public int Accepted { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop;
        await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(5));
        stop.Dispose();
    }

    /// <summary>Reads one MBAP request frame; returns (transaction id, unit, PDU), or null at end of stream.</summary>
    public static async Task<(ushort TransactionId, byte Unit, byte[] Pdu)?> ReadMbapRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[7];
        if (!await ReadExactlyOrEndAsync(stream, header, cancellationToken))
        {
            return null;
        }

        var pdu = new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4)) - 1];
        await stream.ReadExactlyAsync(pdu, cancellationToken);
        return (BinaryPrimitives.ReadUInt16BigEndian(header), header[6], pdu);
    }

    public static byte[] Mbap(ushort transactionId, byte unit, params byte[] pdu)
    {
        var frame = new byte[7 + pdu.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)(pdu.Length + 1));
        frame[6] = unit;
        pdu.CopyTo(frame, 7);
        return frame;
    }

    /// <summary>A FC 3/4 response PDU carrying <paramref name="values"/>.</summary>
    public static byte[] ReadResponse(byte function, params ushort[] values)
    {
        var pdu = new byte[2 + (values.Length * 2)];
        pdu[0] = function;
        pdu[1] = (byte)(values.Length * 2);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(2 + (i * 2)), values[i]);
        }

        return pdu;
    }

    /// <summary>Answers every FC 3 request with registers equal to their address, until the client hangs up.</summary>
    public static async Task EchoAddressesAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        while (await ReadMbapRequestAsync(stream, cancellationToken) is { } request)
        {
            var address = BinaryPrimitives.ReadUInt16BigEndian(request.Pdu.AsSpan(1));
            var count = BinaryPrimitives.ReadUInt16BigEndian(request.Pdu.AsSpan(3));
            var values = Enumerable.Range(address, count).Select(v => (ushort)v).ToArray();
            await stream.WriteAsync(Mbap(request.TransactionId, request.Unit, ReadResponse(request.Pdu[0], values)), cancellationToken);
        }
    }

    private static async Task<bool> ReadExactlyOrEndAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read == buffer.Length;
    }

    private async Task AcceptAsync(Func<NetworkStream, int, CancellationToken, Task> script)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var index = Accepted++;
            connections.Add(RunAsync(client, index, script));
        }
    }

    private async Task RunAsync(TcpClient client, int index, Func<NetworkStream, int, CancellationToken, Task> script)
    {
        using (client)
        {
            try
            {
                await script(client.GetStream(), index, stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or EndOfStreamException)
            {
                // The client hung up or the test ended; either is the end of this script.
            }
        }
    }
}
