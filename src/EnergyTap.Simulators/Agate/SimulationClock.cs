namespace EnergyTap.Simulators.Agate;

/// <summary>
/// A clock the caller moves: simulated days pass in an instant for demos and tests. Timers fire when the
/// clock passes their due time. With <see cref="AutoAdvance"/> every timer (Task.Delay, a settling pause)
/// moves the clock forward itself, so code that waits on this clock runs at full speed.
/// </summary>
public sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private readonly List<SimulatedTimer> timers = [];
    private readonly Lock gate = new();
    private DateTimeOffset now = start;

    /// <summary>Starts at noon UTC on the summer solstice: the sun is up.</summary>
    public SimulationClock() : this(new DateTimeOffset(2026, 6, 21, 12, 0, 0, TimeSpan.Zero)) { }

    /// <summary>When set, creating a timer advances the clock to its due time (asynchronously).</summary>
    public bool AutoAdvance { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) { return now; }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        List<SimulatedTimer> due;
        lock (gate)
        {
            now += by;
            due = [.. timers.Where(t => t.DueAt <= now)];
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimulatedTimer(this, callback, state);
        timer.Change(dueTime, period);
        if (AutoAdvance && dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            ThreadPool.QueueUserWorkItem(_ => AdvanceTo(timer));
        }

        return timer;
    }

    private void AdvanceTo(SimulatedTimer timer)
    {
        TimeSpan gap;
        lock (gate)
        {
            gap = timer.DueAt == DateTimeOffset.MaxValue || timer.DueAt <= now ? TimeSpan.Zero : timer.DueAt - now;
        }

        Advance(gap);
    }

    private sealed class SimulatedTimer(SimulationClock owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period;

        public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            this.period = period;
            lock (owner.gate)
            {
                owner.timers.Remove(this);
                DueAt = DateTimeOffset.MaxValue;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = owner.now + dueTime;
                    owner.timers.Add(this);
                }
            }

            if (dueTime == TimeSpan.Zero)
            {
                Fire();
            }

            return true;
        }

        public void Fire()
        {
            lock (owner.gate)
            {
                if (!owner.timers.Remove(this))
                {
                    return;
                }

                if (period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
                {
                    DueAt = owner.now + period;
                    owner.timers.Add(this);
                }
            }

            callback(state);
        }

        public void Dispose()
        {
            lock (owner.gate) { owner.timers.Remove(this); }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
