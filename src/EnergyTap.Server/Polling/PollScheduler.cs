using EnergyTap.Server.Devices;
using EnergyTap.Server.Fleet;
using EnergyTap.Server.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Server.Polling;

/// <summary>
/// Runs every poller on its own schedule, one loop each: a device that hangs or fails backs off on
/// its own and never delays the others, and a poller never overlaps with itself. In a fleet, devices of sites
/// leased to another instance are skipped.
/// </summary>
public sealed class PollScheduler : IAsyncDisposable
{
    private readonly List<PollLoop> _loops;
    private readonly CancellationTokenSource _stop = new();
    private Task[] _running = [];

    public PollScheduler(
        IEnumerable<IDevicePoller> pollers,
        ReadingHub hub,
        TimeProvider time,
        ILogger<PollScheduler>? logger = null,
        Random? random = null,
        Action<PollerHealth>? onPolled = null,
        ISiteOwnership? ownership = null)
    {
        var log = (ILogger?)logger ?? NullLogger.Instance;
        var jitter = random ?? Random.Shared;
        _loops = pollers.Select(p => new PollLoop(p, hub, time, log, jitter, onPolled, ownership ?? SingleInstance.Instance)).ToList();
    }

    public IReadOnlyList<PollerHealth> Health => _loops.Select(l => l.Health).ToList();

    public void Start()
    {
        if (_running.Length > 0)
        {
            throw new InvalidOperationException("the scheduler is already running");
        }

        _running = _loops.Select(l => Task.Run(() => l.RunAsync(_stop.Token))).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
        _stop.Dispose();
    }
}
