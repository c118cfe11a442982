using EnergyTap.Server.Storage.Maintenance;

namespace EnergyTap.Server.Tests.Storage;

public sealed class RollupAccumulatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Buckets_are_aligned_to_the_epoch_and_include_their_start_but_not_their_end()
    {
        var width = TimeSpan.FromMinutes(5);
        Assert.Equal(T0, RollupAccumulator.BucketStart(T0, width));
        Assert.Equal(T0, RollupAccumulator.BucketStart(T0.AddMinutes(5).AddMilliseconds(-1), width));
        Assert.Equal(T0.AddMinutes(5), RollupAccumulator.BucketStart(T0.AddMinutes(5), width));
        Assert.Equal(T0, RollupAccumulator.BucketStart(new DateTimeOffset(2026, 3, 1, 14, 3, 0, TimeSpan.FromHours(2)), width));
    }

    [Fact]
    public void Nulls_are_left_out_of_the_statistics_and_an_all_null_bucket_stays_visible()
    {
        var accumulator = new RollupAccumulator(TimeSpan.FromMinutes(5));
        accumulator.Add("s", "d", "q", "W", T0, 10);
        accumulator.Add("s", "d", "q", "W", T0.AddMinutes(1), null);
        accumulator.Add("s", "d", "q", "W", T0.AddMinutes(2), 30);
        accumulator.Add("s", "d", "q", "W", T0.AddMinutes(4), null);
        accumulator.Add("s", "d", "q", "W", T0.AddMinutes(5), null);

        var buckets = accumulator.Finish();

        Assert.Equal(2, buckets.Count);
        Assert.Equal(new RollupBucket("s", "d", "q", "W", T0, 20, 10, 30, 2, 30), buckets[0]);
        Assert.Equal(new RollupBucket("s", "d", "q", "W", T0.AddMinutes(5), null, null, null, 0, null), buckets[1]);
    }

    [Fact]
    public void A_new_series_starts_a_new_bucket_even_in_the_same_interval()
    {
        var accumulator = new RollupAccumulator(TimeSpan.FromHours(1));
        accumulator.Add("s", "a", "q", "W", T0, 1);
        accumulator.Add("s", "b", "q", "W", T0, 2);

        Assert.Equal([1d, 2d], accumulator.Finish().Select(b => b.Last!.Value));
    }
}
