using EnergyTap.Server.Devices;
using EnergyTap.Server.Fleet;
using EnergyTap.Server.Pipeline;
using EnergyTap.Server.Readings;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Server.Polling;

/// <summary>The schedule of one poller: wait, poll with a timeout, publish, back off after failures.</summary>
internal sealed class PollLoop(IDevicePoller poller, ReadingHub hub, TimeProvider time, ILogger logger, Random random, Action<PollerHealth>? onPolled, ISiteOwnership ownership)
{
    private readonly Lock _gate = new();
    // (device, quantity) → unit: one poller can feed several devices (a PVS feeds one series per inverter).
    private readonly Dictionary<(string Device, string Quantity), string> _knownSeries = [];
    private PollerHealth _health = new(poller.Device.Site, poller.Device.Id, poller.DataClass,
        Up: false, null, null, null, 0, 0, 0, null, null);
    private Task<IReadOnlyList<Reading>>? _inFlight;

    public PollerHealth Health
    {
        get { lock (_gate) { return _health; } }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var schedule = poller.Schedule;
        var wait = Jitter(schedule.Interval); // spread the first polls of many devices
        while (!stop.IsCancellationRequested)
        {
            var due = time.GetUtcNow() + wait;
            Update(h => h with { NextPoll = due });
            try
            {
                await Task.Delay(wait, time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!ownership.Owns(poller.Device.Site))
            {
                // Another fleet instance polls this site: no poll, no failure; just look again next interval.
                var handedOver = Update(h => h with { LeasedTo = ownership.OwnerOf(poller.Device.Site) }).Owned;
                if (handedOver)
                {
                    Update(h => h with { Owned = false });
                    if (_knownSeries.Count > 0)
                    {
                        // Once, so this instance's metrics and dashboard do not keep the last values frozen beside the new owner's.
                        PublishMissing();
                        _knownSeries.Clear();
                    }
                }

                wait = schedule.Interval + Jitter(schedule.Interval);
                continue;
            }

            Update(h => h with { Owned = true, LeasedTo = null });

            // Lateness of the timer and thread pool: how far behind schedule a busy process polls.
            var started = time.GetUtcNow();
            Update(h => h with { LastLag = Max(TimeSpan.Zero, started - due) });
            try
            {
                var readings = await PollOnceAsync(schedule, stop);
                OnSuccess(readings, started);
                var elapsed = time.GetUtcNow() - started;
                wait = Max(TimeSpan.Zero, schedule.Interval - elapsed) + Jitter(schedule.Interval);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (PollingStoppedException ex)
            {
                OnStopped(ex, started);
                return;
            }
#pragma warning disable CA1031 // Any failure of a device is reported as data, never allowed to end the loop.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var failures = OnFailure(ex, started);
                wait = schedule.BackoffAfter(failures) + Jitter(schedule.Interval);
            }
        }
    }

    private async Task<IReadOnlyList<Reading>> PollOnceAsync(PollSchedule schedule, CancellationToken stop)
    {
        // A poll that ignored its timeout is still running: never start a second one beside it.
        if (_inFlight is { IsCompleted: false })
        {
            throw new TimeoutException("the previous poll has still not finished");
        }

        using var timeout = new CancellationTokenSource(schedule.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        _inFlight = poller.PollAsync(linked.Token);
        try
        {
            return await _inFlight.WaitAsync(schedule.Timeout, time, stop);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timeout.IsCancellationRequested))
        {
            throw new TimeoutException($"no answer within {schedule.Timeout.TotalSeconds:0.#} s", ex);
        }
    }

    private void OnSuccess(IReadOnlyList<Reading> readings, DateTimeOffset started)
    {
        foreach (var reading in readings)
        {
            _knownSeries[(reading.Device, reading.Quantity)] = reading.Unit;
        }

        var now = time.GetUtcNow();
        Update(h => h with
        {
            Up = true,
            LastSuccess = now,
            LastAttempt = started,
            LastError = null,
            ConsecutiveFailures = 0,
            Polls = h.Polls + 1,
            LastDuration = now - started,
        });
        onPolled?.Invoke(Health);
        hub.Publish(readings);
    }

    private int OnFailure(Exception ex, DateTimeOffset started)
    {
        var now = time.GetUtcNow();
        var message = ex.Message;
        var health = Update(h => h with
        {
            Up = false,
            LastAttempt = started,
            LastError = message,
            ConsecutiveFailures = h.ConsecutiveFailures + 1,
            Polls = h.Polls + 1,
            Failures = h.Failures + 1,
            LastDuration = now - started,
        });
        onPolled?.Invoke(health);
        logger.LogWarning("{Site}/{Device} {DataClass} poll failed ({Failures} in a row): {Error}",
            poller.Device.Site, poller.Device.Id, poller.DataClass, health.ConsecutiveFailures, message);

        // Consumers must see the gap: every series this poller feeds becomes "missing", not frozen.
        PublishMissing();
        return health.ConsecutiveFailures;
    }

    /// <summary>No retry, no backoff: the loop ends, and the reason stays visible in the health until a restart.</summary>
    private void OnStopped(PollingStoppedException ex, DateTimeOffset started)
    {
        var now = time.GetUtcNow();
        var health = Update(h => h with
        {
            Up = false,
            LastAttempt = started,
            LastError = ex.Message,
            ConsecutiveFailures = h.ConsecutiveFailures + 1,
            Polls = h.Polls + 1,
            Failures = h.Failures + 1,
            LastDuration = now - started,
            NextPoll = null,
            Stopped = ex.Message,
        });
        onPolled?.Invoke(health);
        logger.LogError("{Site}/{Device} {DataClass} polling stopped: {Reason}",
            poller.Device.Site, poller.Device.Id, poller.DataClass, ex.Message);
        PublishMissing();
    }

    private void PublishMissing()
    {
        var now = time.GetUtcNow();
        hub.Publish(_knownSeries
            .Select(s => new Reading(poller.Device.Site, s.Key.Device, s.Key.Quantity, null, s.Value, now, ReadingQuality.Missing))
            .ToList());
    }

    private PollerHealth Update(Func<PollerHealth, PollerHealth> change)
    {
        lock (_gate)
        {
            _health = change(_health);
            return _health;
        }
    }

    private TimeSpan Jitter(TimeSpan interval) =>
        TimeSpan.FromTicks((long)(interval.Ticks * poller.Schedule.Jitter * random.NextDouble()));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
