namespace EnergyTap.Server.Fleet;

/// <summary>
/// How many sites one instance should hold. Every instance claims up to ceil(sites / live instances); one holding
/// more than floor(sites / live instances) gives the surplus back while another live instance is below that floor.
/// Both rules together settle at shares that differ by at most one, without any instance coordinating with another.
/// </summary>
public static class FairShare
{
    /// <summary>Positive: claim this many more; negative: release this many; zero: hold.</summary>
    /// <param name="sites">Sites in the fleet.</param>
    /// <param name="held">Sites this instance holds now.</param>
    /// <param name="othersHeld">Sites each other live instance holds (zero for a newcomer).</param>
    public static int Adjustment(int sites, int held, IReadOnlyCollection<int> othersHeld)
    {
        ArgumentNullException.ThrowIfNull(othersHeld);
        var instances = othersHeld.Count + 1;
        var ceiling = (sites + instances - 1) / instances;
        var floor = sites / instances;
        if (held > ceiling)
        {
            return ceiling - held;
        }

        if (held > floor && othersHeld.Any(n => n < floor))
        {
            return floor - held;
        }

        return Math.Max(0, ceiling - held);
    }
}
