namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>Keeps the token for the lifetime of the process only.</summary>
public sealed class InMemoryCloudTokenStore : ICloudTokenStore
{
    private CloudToken? _token;

    public ValueTask<CloudToken?> LoadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Volatile.Read(ref _token));

    public ValueTask SaveAsync(CloudToken token, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _token, token);
        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _token, null);
        return ValueTask.CompletedTask;
    }
}
