using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Pipeline;

/// <summary>Somewhere readings go: the store, the metrics registry, MQTT, the dashboard stream.</summary>
public interface IReadingSink
{
    string Name { get; }

    /// <summary>Takes one poll's readings. A sink that throws loses that batch only; the hub carries on.</summary>
    ValueTask WriteAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken);
}
