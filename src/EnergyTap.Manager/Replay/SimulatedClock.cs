namespace EnergyTap.Manager.Replay;

/// <summary>The replay's clock: it moves only when the engine moves it, so a day runs in well under a second.</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
