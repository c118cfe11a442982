using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Devices;

/// <summary>
/// One data class of one device, polled on its own schedule (a PVS has a slow DeviceList and fast
/// livedata; each is a poller). Implementations hold their own connection and are never called
/// concurrently by the scheduler.
/// </summary>
public interface IDevicePoller
{
    DeviceDescriptor Device { get; }

    /// <summary>Short name of the data class, e.g. "devicelist", "livedata", "modbus", "stats".</summary>
    string DataClass { get; }

    PollSchedule Schedule { get; }

    /// <summary>Reads the device once. Throws on failure; the scheduler turns that into missing readings.</summary>
    Task<IReadOnlyList<Reading>> PollAsync(CancellationToken cancellationToken);
}
