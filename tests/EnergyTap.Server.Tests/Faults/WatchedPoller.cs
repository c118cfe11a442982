using EnergyTap.Server.Devices;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Tests.Faults;

/// <summary>
/// Wraps a real poller to see what the scheduler does with it: whether two polls ever overlapped, how many
/// succeeded or failed, and what they threw (the scheduler must absorb every one of those).
/// </summary>
internal sealed class WatchedPoller(IDevicePoller inner, TimeProvider clock) : IDevicePoller
{
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset At, bool Succeeded)> _outcomes = [];
    private int _inFlight;
    private int _maxConcurrent;

    public DeviceDescriptor Device => inner.Device;

    public string DataClass => inner.DataClass;

    public PollSchedule Schedule => inner.Schedule;

    public bool InFlight => Volatile.Read(ref _inFlight) > 0;

    /// <summary>The most polls of this poller ever running at once; 1 when the scheduler keeps its promise.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public int SucceededBetween(DateTimeOffset from, DateTimeOffset to) => Count(from, to, succeeded: true);

    public int FailedBetween(DateTimeOffset from, DateTimeOffset to) => Count(from, to, succeeded: false);

    public async Task<IReadOnlyList<Reading>> PollAsync(CancellationToken cancellationToken)
    {
        var running = Interlocked.Increment(ref _inFlight);
        lock (_gate)
        {
            _maxConcurrent = Math.Max(_maxConcurrent, running);
        }

        var started = clock.GetUtcNow();
        var succeeded = false;
        try
        {
            var readings = await inner.PollAsync(cancellationToken);
            succeeded = true;
            return readings;
        }
        finally
        {
            lock (_gate)
            {
                _outcomes.Add((started, succeeded));
            }

            Interlocked.Decrement(ref _inFlight);
        }
    }

    private int Count(DateTimeOffset from, DateTimeOffset to, bool succeeded)
    {
        lock (_gate)
        {
            return _outcomes.Count(o => o.At >= from && o.At < to && o.Succeeded == succeeded);
        }
    }
}
