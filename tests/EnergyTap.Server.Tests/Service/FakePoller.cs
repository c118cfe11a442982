using EnergyTap.Server.Devices;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Tests.Service;

/// <summary>A device whose behaviour each test scripts: answer, fail, or hang until cancelled.</summary>
public sealed class FakePoller(string site, string device, TimeSpan interval, TimeSpan? timeout = null) : IDevicePoller
{
    private int _polls;
    private int _concurrent;

    public DeviceDescriptor Device { get; } = new(site, device, DeviceKind.Agate, device, "Test", "Fake");
    public string DataClass => "test";
    public PollSchedule Schedule { get; } = new(interval, timeout ?? TimeSpan.FromSeconds(10)) { Jitter = 0 };
    public Func<int, CancellationToken, Task<IReadOnlyList<Reading>>> Behaviour { get; set; } = (_, _) => Task.FromResult<IReadOnlyList<Reading>>([]);
    public int Polls => Volatile.Read(ref _polls);
    public int MaxConcurrent { get; private set; }

    public async Task<IReadOnlyList<Reading>> PollAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _polls);
        MaxConcurrent = Math.Max(MaxConcurrent, Interlocked.Increment(ref _concurrent));
        try
        {
            return await Behaviour(n, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _concurrent);
        }
    }

    public Reading Power(double watts, DateTimeOffset time) => new(Device.Site, Device.Id, "battery_power", watts, "W", time);
}
