using System.Net;
using System.Net.Sockets;

namespace EnergyTap.Server.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of a real server or device simulator that breaks the link the ways a network
/// or a flaky device does: <see cref="SeverAll"/> resets every relayed connection at once (a pulled cable or a
/// crashed client), <see cref="CutNextAnswerMidway"/> delivers half of the server's next answer and then resets
/// the connection, and <see cref="RefuseConnectionsAsync"/> stops listening so connections are refused, as while
/// the device reboots.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly Lock _gate = new();
    private readonly List<Socket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();
    private TcpListener _listener;
    private Task _acceptLoop;
    private volatile bool _cutNextAnswer;
    private bool _refusing;

    public TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync(_listener);
    }

    public int Port { get; }

    /// <summary>Answers cut short so far (each one reset its connection).</summary>
    public int AnswersCut { get; private set; }

    /// <summary>The next chunk the device sends is delivered only half, then both sides are reset.</summary>
    public void CutNextAnswerMidway() => _cutNextAnswer = true;

    /// <summary>Refuses new connections (and resets open ones) until <see cref="AcceptConnectionsAsync"/>.</summary>
    public async Task RefuseConnectionsAsync()
    {
        lock (_gate)
        {
            _refusing = true;
        }

        _listener.Stop();
        await AwaitQuietly(_acceptLoop);
        SeverAll();
    }

    /// <summary>Listens again on the same port.</summary>
    public Task AcceptConnectionsAsync()
    {
        lock (_gate)
        {
            _refusing = false;
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _acceptLoop = AcceptAsync(_listener);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await AwaitQuietly(_acceptLoop);
        SeverAll();
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket inbound;
            try
            {
                inbound = await listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _targetPort);
            }
            catch (SocketException)
            {
                Reset(inbound);
                outbound.Dispose();
                continue;
            }

            lock (_gate)
            {
                if (_refusing)
                {
                    Reset(inbound);
                    Reset(outbound);
                    continue;
                }

                _sockets.Add(inbound);
                _sockets.Add(outbound);
            }

            _ = PipeAsync(inbound, outbound, answers: false);
            _ = PipeAsync(outbound, inbound, answers: true);
        }
    }

    private async Task PipeAsync(Socket from, Socket to, bool answers)
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    break;
                }

                if (answers && _cutNextAnswer && read >= 2)
                {
                    _cutNextAnswer = false;
                    await to.SendAsync(buffer.AsMemory(0, read / 2), SocketFlags.None);
                    lock (_gate)
                    {
                        AnswersCut++;
                    }

                    Reset(to);
                    Reset(from);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset by the other pipe, a test, or a peer.
        }

        Reset(to);
        Reset(from);
    }

    /// <summary>Resets every connection passing through (RST, no goodbye).</summary>
    public void SeverAll()
    {
        List<Socket> open;
        lock (_gate)
        {
            open = [.. _sockets];
            _sockets.Clear();
        }

        open.ForEach(Reset);
    }

    /// <summary>Closes with linger 0: a TCP reset, no goodbye.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        socket.Dispose();
    }

    private static async Task AwaitQuietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}
