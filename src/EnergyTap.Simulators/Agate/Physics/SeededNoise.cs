namespace EnergyTap.Simulators.Agate.Physics;

/// <summary>
/// Noise that depends only on (seed, channel, time bucket), never on how often it is asked:
/// two simulators with the same seed agree at the same instant whatever their polling pattern.
/// </summary>
internal readonly struct SeededNoise(int seed)
{
    /// <summary>A value in [-1, 1], constant within one bucket of <paramref name="bucket"/> length.</summary>
    public double At(int channel, DateTimeOffset time, TimeSpan bucket)
    {
        var index = time.UtcTicks / bucket.Ticks;
        return Hash(seed, channel, index) * 2.0 - 1.0;
    }

    /// <summary>A value in [0, 1) for a discrete event (e.g. whether one read returns 0xFFFF).</summary>
    public double Unit(int channel, long index) => Hash(seed, channel, index);

    private static double Hash(int seed, int channel, long index)
    {
        // SplitMix64 over the three inputs: cheap, well mixed, and identical on every platform.
        var x = unchecked((ulong)index * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)seed << 32 ^ (ulong)(uint)channel * 0xBF58476D1CE4E5B9UL);
        x ^= x >> 30;
        x = unchecked(x * 0xBF58476D1CE4E5B9UL);
        x ^= x >> 27;
        x = unchecked(x * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
