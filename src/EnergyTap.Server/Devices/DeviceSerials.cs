using System.Collections.Concurrent;

namespace EnergyTap.Server.Devices;

/// <summary>
/// Serial numbers devices report about themselves (an aGate's SunSpec 1.SN), so the API and Home
/// Assistant show them although the configuration does not name them. A configured serial is kept.
/// </summary>
public sealed class DeviceSerials
{
    private readonly ConcurrentDictionary<(string Site, string Id), string> _learned = new();

    /// <summary>Raised with the device as now described when a device reports a serial not known before.</summary>
    public event Action<DeviceDescriptor>? Learned;

    public void Learn(DeviceDescriptor device, string? serial)
    {
        serial = serial?.Trim();
        if (device.Serial is not null || string.IsNullOrEmpty(serial))
        {
            return;
        }

        var key = (device.Site, device.Id);
        if (_learned.TryGetValue(key, out var known) && known == serial)
        {
            return;
        }

        _learned[key] = serial;
        Learned?.Invoke(Describe(device));
    }

    /// <summary>The device with the serial it reported, when the configuration gave none.</summary>
    public DeviceDescriptor Describe(DeviceDescriptor device) =>
        device.Serial is null && _learned.TryGetValue((device.Site, device.Id), out var serial) ? device with { Serial = serial } : device;
}
