using EnergyTap.Simulators.Agate.Physics;

namespace EnergyTap.Simulators.Agate.Quirks;

/// <summary>About 43 % of reads of vendor register 15502 (solar W) return 0xFFFF. Seeded, so reproducible.</summary>
internal sealed class SolarDropouts(int seed)
{
    private const double Rate = 0.43;
    private const int Channel = 7;
    private readonly SeededNoise noise = new(seed);
    private long reads;

    public bool NextReadDropsOut() => noise.Unit(Channel, reads++) < Rate;
}
