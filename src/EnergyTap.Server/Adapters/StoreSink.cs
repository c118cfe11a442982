using EnergyTap.Server.Pipeline;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage.Ingest;

namespace EnergyTap.Server.Adapters;

/// <summary>Hands readings to the batching writer, which flushes to the store at least every second.</summary>
public sealed class StoreSink(ReadingWriter writer) : IReadingSink
{
    public string Name => "store";

    public async ValueTask WriteAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        foreach (var reading in batch)
        {
            await writer.Input.WriteAsync(reading, cancellationToken);
        }
    }
}
