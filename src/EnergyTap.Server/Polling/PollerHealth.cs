namespace EnergyTap.Server.Polling;

/// <summary>The state of one poller as the health endpoint and dashboard show it.</summary>
public sealed record PollerHealth(
    string Site,
    string Device,
    string DataClass,
    bool Up,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastAttempt,
    string? LastError,
    int ConsecutiveFailures,
    long Polls,
    long Failures,
    TimeSpan? LastDuration,
    DateTimeOffset? NextPoll)
{
    /// <summary>How late the last poll started after its scheduled time (timer and thread-pool lateness).</summary>
    public TimeSpan? LastLag { get; init; }
}
