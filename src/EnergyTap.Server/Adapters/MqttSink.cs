using EnergyTap.Server.HomeAssistant;
using EnergyTap.Server.Pipeline;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Adapters;

/// <summary>Publishes readings (and, once per series, Home Assistant discovery) to the broker.</summary>
public sealed class MqttSink(MqttReadingPublisher publisher) : IReadingSink
{
    public string Name => "mqtt";

    public async ValueTask WriteAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken) =>
        await publisher.PublishAsync(batch, cancellationToken);
}
