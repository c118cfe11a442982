namespace EnergyTap.Simulators.Pvs.Physics;

/// <summary>
/// Stateless pseudo-random numbers keyed by (seed, stream, index): the value for a refresh bucket is the same
/// no matter when or how often it is asked for, which is what makes payloads change only at bucket boundaries.
/// </summary>
internal readonly record struct DeterministicNoise(int Seed)
{
    /// <summary>A number in [0, 1).</summary>
    public double Unit(int stream, long index)
    {
        var x = unchecked((ulong)Seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xBF58476D1CE4E5B9UL ^ (ulong)index * 0x94D049BB133111EBUL);
        x = SplitMix(x);
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A number in [min, max).</summary>
    public double Between(int stream, long index, double min, double max) => min + (Unit(stream, index) * (max - min));

    /// <summary>An integer in [min, max).</summary>
    public long Integer(int stream, long index, long min, long max) => min + (long)(Unit(stream, index) * (max - min));

    private static ulong SplitMix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
