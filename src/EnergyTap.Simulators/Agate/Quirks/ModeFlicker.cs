namespace EnergyTap.Simulators.Agate.Quirks;

/// <summary>
/// With both WSet (absolute W) and WSetPct non-zero the aGate alternates between the two setpoint modes:
/// WSetMod and the battery power flip every couple of seconds.
/// </summary>
internal static class ModeFlicker
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    public static bool Applies(double wset, double wsetPct) => wset != 0 && wsetPct != 0;

    /// <summary>0 (percent) or 1 (watts), alternating with the clock.</summary>
    public static int ModeAt(DateTimeOffset now) => (int)(now.UtcTicks / Period.Ticks % 2);
}
