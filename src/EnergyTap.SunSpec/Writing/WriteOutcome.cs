namespace EnergyTap.SunSpec.Writing;

public enum WriteOutcome
{
    /// <summary>Written and read back unchanged.</summary>
    Verified,

    /// <summary>The device acknowledged the write but reads back a different value (silently discarded).</summary>
    Discarded,

    /// <summary>The device answered the write with an exception or did not answer.</summary>
    Rejected,

    /// <summary>Acknowledged, but reading it back failed, so nobody knows whether the device kept it.</summary>
    Unverified,

    /// <summary>Written, then written again later in the same call, so only the later value can be read back.</summary>
    Overwritten,

    /// <summary>Not sent, because an earlier write in the same call was rejected (order matters to devices).</summary>
    NotAttempted,
}
