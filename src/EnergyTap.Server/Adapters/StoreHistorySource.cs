using EnergyTap.Server.Hosting;
using EnergyTap.Server.Storage;

namespace EnergyTap.Server.Adapters;

/// <summary>History charts read from the store, at the resolution asked for (auto: the one the time span calls for).</summary>
public sealed class StoreHistorySource(IReadingStore store) : IHistorySource
{
    public async Task<IReadOnlyList<HistoryPoint>> QueryAsync(
        string site, string? device, string quantity, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, CancellationToken cancellationToken)
    {
        var rows = await store.QueryAsync(
            new HistoryQuery(from, to) { Filter = new SeriesFilter(site, device, quantity), Resolution = resolution, Limit = 5000 },
            cancellationToken);
        return rows.Select(r => new HistoryPoint(r.Site, r.Device, r.Quantity, r.Unit, r.Time, r.Value, r.Min, r.Max)).ToList();
    }
}
