using EnergyTap.Server.Fleet;

namespace EnergyTap.Server.Tests.Fleet;

public sealed class FairShareTests
{
    [Theory]
    [InlineData(10, 0, new int[0], 10)]       // alone: take everything
    [InlineData(10, 10, new[] { 0 }, -5)]     // a newcomer appeared: give half back
    [InlineData(10, 4, new[] { 4, 2 }, -1)]   // someone is below the floor of 3: come down to it
    [InlineData(10, 4, new[] { 3, 3 }, 0)]    // 4/3/3 is as even as 10 sites over 3 get
    [InlineData(10, 2, new[] { 4, 4 }, 2)]    // claim up to the ceiling of 4
    [InlineData(10, 3, new[] { 5, 1 }, 0)]    // at the floor while another is below it: leave the free sites to it
    [InlineData(10, 1, new[] { 5, 1 }, 2)]    // below the floor: claim up to it
    [InlineData(0, 0, new[] { 0 }, 0)]
    public void Adjusts_towards_an_even_share(int sites, int held, int[] others, int expected) =>
        Assert.Equal(expected, FairShare.Adjustment(sites, held, others));

    /// <summary>
    /// Instances applying the rule one after another, in any order, from any starting split, end with every site
    /// held once and shares within one of each other within three rounds each.
    /// </summary>
    [Theory]
    [InlineData(10, 3)]
    [InlineData(7, 7)]
    [InlineData(3, 5)]
    [InlineData(100, 6)]
    [InlineData(41, 8)]
    public void Rounds_in_any_order_settle_on_shares_within_one(int sites, int instances)
    {
        var random = new Random(sites * 31 + instances);
        for (var trial = 0; trial < 50; trial++)
        {
            var held = new int[instances];
            held[random.Next(instances)] = sites; // one instance ran alone, then the others started
            for (var period = 0; period < 3; period++)
            {
                foreach (var i in Enumerable.Range(0, instances).OrderBy(_ => random.Next()))
                {
                    var adjustment = FairShare.Adjustment(sites, held[i], held.Where((_, j) => j != i).ToList());
                    var free = sites - held.Sum();
                    held[i] += Math.Min(adjustment, free);
                }
            }

            Assert.Equal(sites, held.Sum());
            Assert.InRange(held.Max() - held.Min(), 0, 1);
        }
    }
}
