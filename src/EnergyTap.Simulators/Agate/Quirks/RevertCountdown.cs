namespace EnergyTap.Simulators.Agate.Quirks;

/// <summary>
/// WSetRvrtTms is accepted and WSetRvrtRem counts down, but at zero nothing happens: the command stays.
/// (Observed on hardware 186 s past expiry.) This is why EnergyTap reverts in software.
/// </summary>
internal sealed class RevertCountdown
{
    private DateTimeOffset? deadline;

    public void Start(DateTimeOffset now, uint seconds) => deadline = seconds == 0 ? null : now.AddSeconds(seconds);

    public uint RemainingSeconds(DateTimeOffset now) =>
        deadline is { } d && d > now ? (uint)Math.Ceiling((d - now).TotalSeconds) : 0;
}
