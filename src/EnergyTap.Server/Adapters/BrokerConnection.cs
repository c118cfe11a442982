using EnergyTap.Server.HomeAssistant;
using EnergyTap.Server.Mqtt;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Server.Adapters;

/// <summary>
/// Keeps trying the first connection to the broker in the background (the client reconnects by
/// itself after that), so a broker that is down at start-up never stops the service.
/// </summary>
public sealed class BrokerConnection : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly MqttReadingPublisher _publisher;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _connecting;

    public BrokerConnection(MqttClient client, MqttReadingPublisher publisher, TimeProvider time, ILogger logger)
    {
        _client = client;
        _publisher = publisher;
        _connecting = Task.Run(() => ConnectAsync(time, logger, _stop.Token));
    }

    private async Task ConnectAsync(TimeProvider time, ILogger logger, CancellationToken stop)
    {
        var wait = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _client.ConnectAsync(stop);
                await _publisher.StartAsync(stop);
                return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is MqttException or IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                logger.LogWarning("MQTT broker not reachable ({Error}); retrying in {Seconds} s", ex.Message, wait.TotalSeconds);
                try
                {
                    await Task.Delay(wait, time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _connecting;
        _publisher.Dispose();
        await _client.DisposeAsync();
        _stop.Dispose();
    }
}
