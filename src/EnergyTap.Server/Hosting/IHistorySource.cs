using EnergyTap.Server.Storage;

namespace EnergyTap.Server.Hosting;

/// <summary>One point of a history series: a raw reading or a roll-up bucket's average.</summary>
public sealed record HistoryPoint(string Site, string Device, string Quantity, string Unit, DateTimeOffset Time, double? Value, double? Min, double? Max);

/// <summary>What the API needs from the store to draw history charts.</summary>
public interface IHistorySource
{
    Task<IReadOnlyList<HistoryPoint>> QueryAsync(
        string site, string? device, string quantity, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, CancellationToken cancellationToken);
}
