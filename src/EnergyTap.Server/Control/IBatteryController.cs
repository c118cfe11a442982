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

    /// <summary>Writes the command; it carries its deadline and id so the device's own record can name them.</summary>
    Task ApplyAsync(ActiveCommand command, CancellationToken cancellationToken);

    /// <summary>The control registers as last polled; null before the first poll or for a battery that cannot tell.</summary>
    ObservedControl? LastObserved => null;

    /// <summary>Gives control back to the battery's own operating mode.</summary>
    Task ReleaseAsync(CancellationToken cancellationToken);
}
