namespace EnergyTap.Server.Fleet;

/// <summary>How this instance takes part in a fleet.</summary>
public sealed record FleetOptions
{
    /// <summary>Unique per running instance. Reusing the id of a dead instance lets its replacement renew that instance's leases at once.</summary>
    public string InstanceId { get; init; } = DefaultInstanceId();

    /// <summary>How long a lease lasts without renewal; renewals run every third of it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RenewEvery => Lease / 3;

    public static string DefaultInstanceId() => $"{Environment.MachineName}-{Environment.ProcessId}".ToLowerInvariant();
}
