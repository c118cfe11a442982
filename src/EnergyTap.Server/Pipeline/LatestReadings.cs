using System.Collections.Concurrent;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Pipeline;

/// <summary>The newest reading of every series, kept in memory for the API, the dashboard and power flow.</summary>
public sealed class LatestReadings : IReadingSink
{
    private readonly ConcurrentDictionary<(string Site, string Device, string Quantity), Reading> _latest = new();

    public string Name => "latest";

    /// <summary>Raised after a batch is taken, for live streams.</summary>
    public event Action<IReadOnlyList<Reading>>? Updated;

    public ValueTask WriteAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        foreach (var reading in batch)
        {
            _latest[(reading.Site, reading.Device, reading.Quantity)] = reading;
        }

        Updated?.Invoke(batch);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<Reading> Snapshot(string? site = null, string? device = null) =>
        _latest.Values
            .Where(r => (site is null || r.Site == site) && (device is null || r.Device == device))
            .OrderBy(r => r.Site, StringComparer.Ordinal)
            .ThenBy(r => r.Device, StringComparer.Ordinal)
            .ThenBy(r => r.Quantity, StringComparer.Ordinal)
            .ToList();

    public Reading? Get(string site, string device, string quantity) =>
        _latest.TryGetValue((site, device, quantity), out var reading) ? reading : null;
}
