using EnergyTap.Server.Fleet;

namespace EnergyTap.Server.Tests.Fleet;

/// <summary>Ownership a test hands out and takes away by hand.</summary>
public sealed class SettableOwnership(string instance, params string[] owned) : ISiteOwnership
{
    private readonly HashSet<string> _owned = [.. owned];
    private readonly Dictionary<string, string> _elsewhere = [];

    public string? InstanceId => instance;

    public bool Owns(string site)
    {
        lock (_owned) { return _owned.Contains(site); }
    }

    public string? OwnerOf(string site)
    {
        lock (_owned) { return _elsewhere.GetValueOrDefault(site); }
    }

    public void Give(string site)
    {
        lock (_owned) { _owned.Add(site); _elsewhere.Remove(site); }
    }

    public void TakeAway(string site, string? to)
    {
        lock (_owned)
        {
            _owned.Remove(site);
            if (to is not null)
            {
                _elsewhere[site] = to;
            }
        }
    }
}
