using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.Varserver;

/// <summary>
/// The PVS6 WebSocket telemetry on port 9002: {"notification":"power","params":{pv_p, net_p, soc …}} sent on
/// change. Disabled by default since 2025.10 (set /sys/telemetryws/enable=1 first); PVS5 has none.
/// </summary>
public static class VarserverTelemetry
{
    public static Uri DefaultUri(PvsEndpoint endpoint) => new UriBuilder("ws", endpoint.Host, 9002).Uri;

    public static async IAsyncEnumerable<PvsLiveData> StreamAsync(Uri uri, TimeSpan connectTimeout, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var socket = new ClientWebSocket();
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(connectTimeout);
            try
            {
                await socket.ConnectAsync(uri, connect.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new PvsUnavailableException($"telemetry: cannot open {uri} (enable it with /sys/telemetryws/enable=1; PVS5 has none)", null, ex);
            }
        }

        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (!cancellationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                yield break;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var live = Parse(message.ToArray());
            message.SetLength(0);
            if (live is not null)
            {
                yield return live;
            }
        }
    }

    /// <summary>A power notification as livedata; null for other notifications or unreadable messages.</summary>
    public static PvsLiveData? Parse(ReadOnlySpan<byte> message)
    {
        try
        {
            using var document = PvsJson.Parse(message.ToArray(), "telemetry");
            var root = document.RootElement;
            if (PvsJson.String(root, "notification") != "power" || !root.TryGetProperty("params", out var parameters))
            {
                return null;
            }

            return LiveDataParser.FromVariables(PvsJson.Fields(parameters), PvsLiveDataSource.Telemetry);
        }
        catch (PvsProtocolException)
        {
            return null;
        }
    }
}
