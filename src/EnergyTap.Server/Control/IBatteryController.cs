using EnergyTap.Server.Devices;

namespace EnergyTap.Server.Control;

/// <summary>
/// A battery the supervisor may command. Every method reads back what it wrote and throws when the
/// device did not take it (a silent discard is a failure, not a success).
/// </summary>
public interface IBatteryController
{
    DeviceDescriptor Device { get; }

    Task<BatteryLimits> ReadLimitsAsync(CancellationToken cancellationToken);

    Task<double?> ReadSocPercentAsync(CancellationToken cancellationToken);

    Task ApplyAsync(BatteryCommandKind kind, double watts, CancellationToken cancellationToken);

    /// <summary>Gives control back to the battery's own operating mode.</summary>
    Task ReleaseAsync(CancellationToken cancellationToken);
}
