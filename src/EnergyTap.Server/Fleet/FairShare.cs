namespace EnergyTap.Server.Fleet;

/// <summary>
/// How many sites one instance should hold, decided by each instance alone from the counts of the others. Shares
/// settle within one site of each other (⌊sites ÷ instances⌋ or one more) and no instance ever needs to talk to
/// another: above the ceiling an instance gives back its surplus; while another live instance is below the floor,
/// everyone else comes down to the floor and claims no further than it, so the free sites go to the one that needs
/// them; otherwise an instance claims up to the ceiling. Simulated over random orders this settles in three rounds.
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

        var target = othersHeld.Any(n => n < floor) ? floor : ceiling;
        return target - held;
    }
}
