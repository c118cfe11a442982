namespace EnergyTap.Server.Fleet;

/// <summary>
/// Which sites this instance may poll and command. A single service owns every site; in a fleet the
/// answer follows the site leases in PostgreSQL and can change at any moment.
/// </summary>
public interface ISiteOwnership
{
    /// <summary>This instance's name in the fleet; null when it runs alone.</summary>
    string? InstanceId { get; }

    bool Owns(string site);

    /// <summary>The other instance that holds <paramref name="site"/>, when known (null when free or owned here).</summary>
    string? OwnerOf(string site);
}

/// <summary>A service that runs alone: every site is its own.</summary>
public sealed class SingleInstance : ISiteOwnership
{
    public static readonly SingleInstance Instance = new();

    private SingleInstance()
    {
    }

    public string? InstanceId => null;

    public bool Owns(string site) => true;

    public string? OwnerOf(string site) => null;
}
