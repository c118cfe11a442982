namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>
/// Keeps the login token between runs so each run does not log in again (logins are what get accounts locked).
/// Implementations must keep the token private to its owner (e.g. a file with mode 0600).
/// </summary>
public interface ICloudTokenStore
{
    ValueTask<CloudToken?> LoadAsync(CancellationToken cancellationToken);

    ValueTask SaveAsync(CloudToken token, CancellationToken cancellationToken);

    ValueTask ClearAsync(CancellationToken cancellationToken);
}
