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
    /// <summary>False while the site is leased to another fleet instance (then this one does not poll it).</summary>
    public bool Owned { get; init; } = true;

    /// <summary>The fleet instance polling the site instead, when known.</summary>
    public string? LeasedTo { get; init; }

    /// <summary>How late the last poll started after its scheduled time (timer and thread-pool lateness).</summary>
    public TimeSpan? LastLag { get; init; }

    /// <summary>Why this poller stopped for good (e.g. a refused login); it polls again only after a restart.</summary>
    public string? Stopped { get; init; }
}
