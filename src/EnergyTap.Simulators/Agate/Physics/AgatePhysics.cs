namespace EnergyTap.Simulators.Agate.Physics;

/// <summary>
/// The site's energy balance on a clock. Solar and home load follow daily curves; the batteries
/// follow the active command within their ratings (or, with no command, cover the home from solar
/// surplus the way the aGate's own self-consumption mode does, down to the reserve); each state of
/// charge integrates its power and stops at 0 and 100 %; the grid balances the rest.
/// Pure and deterministic: the same options, seed and clock readings give the same results.
/// </summary>
public sealed class AgatePhysics
{
    // Power is constant within each cell of a fixed 5-second grid, so the result does not depend
    // on how often (or how irregularly) the clock is read, and SoC limits land on time.
    private static readonly long GridTicks = TimeSpan.FromSeconds(5).Ticks;

    private readonly AgatePhysicsOptions options;
    private readonly TimeProvider clock;
    private readonly DailyCurves curves;
    private readonly Unit[] units;
    private readonly Lock gate = new();
    private DateTimeOffset lastTime;
    private double? commandWatts;
    private bool offGrid;
    private double reserveSoc;
    private double solarWh;
    private double homeLoadWh;
    private PowerFlow last;

    public AgatePhysics(AgatePhysicsOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        this.options = options;
        this.clock = clock;
        curves = new DailyCurves(options);
        reserveSoc = options.ReserveSocPercent;
        units = Enumerable.Range(0, options.Batteries)
            .Select(i => new Unit { Soc = Math.Clamp(options.InitialSocPercent + i, 0, 100) })
            .ToArray();
        lastTime = clock.GetUtcNow();
        last = Compute(lastTime, lastTime, 0);
    }

    /// <summary>
    /// The battery power the aGate is told to hold (positive = discharge, negative = charge), or null
    /// to let the aGate run its own self-consumption mode.
    /// </summary>
    public double? CommandWatts
    {
        get { lock (gate) { return commandWatts; } }
    }

    /// <summary>Reserve the native mode keeps (the aGate's self reserve, 15508).</summary>
    public double ReserveSocPercent
    {
        get { lock (gate) { return reserveSoc; } }
    }

    public void SetCommand(double? batteryWatts)
    {
        lock (gate)
        {
            AdvanceLocked();
            commandWatts = batteryWatts;
        }
    }

    /// <summary>
    /// True while the utility is down: the aGate islands the home, the grid term is 0, the batteries cover
    /// home minus solar (Modbus commands cannot override that), load beyond them is shed and surplus solar curtailed.
    /// </summary>
    public bool OffGrid
    {
        get { lock (gate) { return offGrid; } }
    }

    public void SetOffGrid(bool value)
    {
        lock (gate)
        {
            AdvanceLocked();
            offGrid = value;
        }
    }

    public void SetReserve(double percent)
    {
        lock (gate)
        {
            AdvanceLocked();
            reserveSoc = Math.Clamp(percent, 0, 100);
        }
    }

    /// <summary>Brings the model up to the clock's present and returns the site as it is now.</summary>
    public PowerFlow Now()
    {
        lock (gate)
        {
            AdvanceLocked();
            return last;
        }
    }

    private void AdvanceLocked()
    {
        var now = clock.GetUtcNow();
        while (lastTime < now)
        {
            var cellStart = lastTime.UtcTicks - lastTime.UtcTicks % GridTicks;
            var cellEnd = new DateTimeOffset(cellStart + GridTicks, TimeSpan.Zero);
            var stepEnd = cellEnd < now ? cellEnd : now;
            last = Compute(new DateTimeOffset(cellStart, TimeSpan.Zero), stepEnd, (stepEnd - lastTime).TotalHours);
            lastTime = stepEnd;
        }
    }

    private PowerFlow Compute(DateTimeOffset cell, DateTimeOffset time, double hours)
    {
        var solar = curves.SolarWatts(cell);
        var load = curves.HomeLoadWatts(cell);
        var wanted = offGrid ? load - solar : commandWatts ?? NativeWatts(solar, load);
        wanted = Math.Clamp(wanted, -options.TotalRatedWatts, options.TotalRatedWatts);

        var battery = Distribute(wanted, hours);
        if (offGrid)
        {
            // Islanded: nothing crosses the grid connection, so home and solar meet the battery.
            if (solar + battery < load)
            {
                load = solar + battery;
            }
            else
            {
                solar = load - battery;
            }
        }

        solarWh += solar * hours;
        homeLoadWh += load * hours;
        var states = units.Select((u, i) => u.Describe(i + 1, options.BatteryRatedWatts)).ToArray();
        return new PowerFlow(
            time,
            solar,
            load,
            battery,
            GridWatts: load - solar - battery,
            SocPercent: Math.Round(units.Average(u => u.Soc), 3),
            states,
            solarWh,
            homeLoadWh);
    }

    /// <summary>Self-consumption: cover the deficit from the battery above the reserve, store the surplus.</summary>
    private double NativeWatts(double solar, double load)
    {
        var deficit = load - solar;
        if (deficit > 0 && units.Average(u => u.Soc) <= reserveSoc)
        {
            return 0;
        }

        return deficit;
    }

    /// <summary>Splits the wanted power evenly over the batteries that can take their share; returns the total delivered.</summary>
    private double Distribute(double wanted, double hours)
    {
        var able = units.Where(u => wanted > 0 ? u.Soc > 0 : wanted < 0 && u.Soc < 100).ToArray();
        foreach (var u in units)
        {
            u.Watts = 0;
        }

        if (able.Length == 0)
        {
            return 0;
        }

        var share = Math.Clamp(wanted / able.Length, -options.BatteryRatedWatts, options.BatteryRatedWatts);
        foreach (var u in able)
        {
            u.Apply(share, hours, options.BatteryCapacityWh);
        }

        return units.Sum(u => u.Watts);
    }

    private sealed class Unit
    {
        public double Soc { get; set; }
        public double Watts { get; set; }
        public double ChargedWh { get; private set; }
        public double DischargedWh { get; private set; }

        public void Apply(double watts, double hours, double capacityWh)
        {
            Watts = watts;
            if (hours <= 0)
            {
                return;
            }

            var energyWh = watts * hours;
            var storedWh = Soc / 100 * capacityWh;

            // Stop exactly at empty or full: deliver only what the battery still holds or can take.
            if (energyWh > storedWh)
            {
                energyWh = storedWh;
            }
            else if (-energyWh > capacityWh - storedWh)
            {
                energyWh = -(capacityWh - storedWh);
            }

            Watts = energyWh / hours;
            Soc = Math.Clamp((storedWh - energyWh) / capacityWh * 100, 0, 100);
            if (energyWh > 0)
            {
                DischargedWh += energyWh;
            }
            else
            {
                ChargedWh -= energyWh;
            }
        }

        public BatteryUnitState Describe(int index, double ratedWatts)
        {
            // A 16-cell LFP pack: ~51 V mid-charge, a little higher when full, sagging under discharge.
            var volts = 48.0 + 6.0 * Soc / 100 - 1.5 * Watts / ratedWatts;
            var temperature = 24.0 + 8.0 * Math.Abs(Watts) / ratedWatts;
            return new BatteryUnitState(index, Math.Round(Soc, 3), Math.Round(Watts, 1), Math.Round(volts, 2), Math.Round(temperature, 1), ChargedWh, DischargedWh);
        }
    }
}
