using System.Net;
using System.Net.Sockets;

namespace EnergyTap.Server.Tests.Mqtt;

/// <summary>
/// A scripted MQTT peer on loopback for what a real broker cannot be made to do on cue: stay silent, refuse
/// with a chosen CONNACK code, or swallow a PUBLISH without acknowledging it. Decodes frames independently
/// of the client's own code.
/// </summary>
internal sealed class FakeBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FakeBroker() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async Task<FakeSession> AcceptAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return new FakeSession(await _listener.AcceptTcpClientAsync(cts.Token));
    }

    /// <summary>True when a connection is waiting to be accepted.</summary>
    public bool HasPendingConnection => _listener.Pending();

    public ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Dispose();
        return ValueTask.CompletedTask;
    }
}

internal sealed record RawPacket(byte Header, byte[] Body)
{
    public int Type => Header >> 4;

    public int Flags => Header & 0x0F;
}

internal sealed class FakeSession(TcpClient client) : IDisposable
{
    private readonly NetworkStream _stream = client.GetStream();

    /// <summary>Reads one frame; null when the client closed the connection.</summary>
    public async Task<RawPacket?> ReadAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var one = new byte[1];
        try
        {
            if (await _stream.ReadAsync(one, cts.Token) == 0)
            {
                return null;
            }

            var header = one[0];
            int length = 0, shift = 0;
            do
            {
                await _stream.ReadExactlyAsync(one, cts.Token);
                length |= (one[0] & 0x7F) << shift;
                shift += 7;
            }
            while ((one[0] & 0x80) != 0);

            var body = new byte[length];
            await _stream.ReadExactlyAsync(body, cts.Token);
            return new RawPacket(header, body);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Reads frames until one of type <paramref name="type"/> arrives (skipping PINGREQs etc.).</summary>
    public async Task<RawPacket> ReadUntilAsync(int type)
    {
        while (true)
        {
            var packet = await ReadAsync() ?? throw new InvalidOperationException($"connection closed while waiting for packet type {type}");
            if (packet.Type == type)
            {
                return packet;
            }
        }
    }

    public async Task SendAsync(params byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Reads CONNECT and answers CONNACK with <paramref name="returnCode"/>.</summary>
    public async Task<RawPacket> HandshakeAsync(byte returnCode = 0)
    {
        var connect = await ReadAsync() ?? throw new InvalidOperationException("no CONNECT");
        Assert.Equal(1, connect.Type);
        await SendAsync(0x20, 0x02, 0x00, returnCode);
        return connect;
    }

    public void Reset()
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Close();
    }

    public void Dispose() => client.Dispose();
}
