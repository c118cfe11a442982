namespace EnergyTap.Simulators.Pvs.Varserver;

/// <summary>
/// The few variables the LocalAPI tells anyone, without a session: the serial (from which the login password
/// derives), the commissioning SSID and the MAC address. Clients read them at start-up before any password is
/// known. Only a plain read by name qualifies; a match, a cache or a write still needs a session.
/// </summary>
internal static class AnonymousVariables
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "/sys/info/serialnum",
        "/sys/info/ssid",
        "/sys/info/lmac",
    };

    public static bool Allows(VarsQuery query) =>
        query.Names.Count > 0
        && query.Names.All(Names.Contains)
        && query.Match is null
        && query.Assignments.Count == 0
        && query.CacheId is null;
}
