using EnergyTap.Manager.Loop;
using EnergyTap.Manager.Planning;
using EnergyTap.Manager.Policies;
using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Replay;

/// <summary>
/// Runs the real <see cref="BatteryLoop"/> (and, for tou, the given <see cref="IPlanner"/>) against a
/// <see cref="BatteryModel"/> fed by a recorded trace, on a simulated clock: physics every tick, the loop every period
/// on measurements late by the meter latency, the planner every planning interval. <paramref name="adopt"/> decides
/// whether a new plan replaces the running one (running, candidate, the candidate's input); without it every new plan does.
/// </summary>
public sealed class ReplayEngine(IPlanner? planner = null, Func<Plan?, Plan, PlanningInput, bool>? adopt = null)
{
    private const double GridBandWatts = 100;

    public ReplayResult Run(Trace trace, ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var policy = options.Policy;
        if (policy.Mode == ManageMode.Tou && planner is null)
        {
            throw new ArgumentException("a tou replay needs a planner", nameof(options));
        }

        var importPrices = Sorted(options.ImportPrices);
        var importSchedule = new PriceSchedule(importPrices);
        if (importSchedule.FirstGap(trace.Start, trace.End) is { } gap)
        {
            throw new ArgumentException($"the import prices do not cover the trace: nothing at {gap:yyyy-MM-ddTHH:mm:ssZ}", nameof(options));
        }

        IReadOnlyList<PriceSlot> exportPrices = options.ExportPrices.Count > 0 ? Sorted(options.ExportPrices) : [new PriceSlot(trace.Start, trace.End, 0)];
        var battery = options.Battery;
        var floor = EffectiveLimits.FloorPercent(battery, policy);
        var clock = new SimulatedClock(trace.Start);
        var loop = new BatteryLoop(battery, options.Loop, clock);
        var followAlarms = 0;
        loop.FollowAlarmRaised += (_, _) => followAlarms++;
        var model = new BatteryModel(battery, options.InitialSocPercent, options.ReactionDelay);

        var tick = options.Tick;
        var hoursPerTick = tick.TotalHours;
        var ticksPerCycle = Math.Max(1, (int)Math.Round(options.Loop.Period / tick));
        var latencyTicks = Math.Max(1, (int)Math.Round(options.MeterLatency / tick));
        var ticksPerPlan = Math.Max(1, (int)Math.Round(options.PlanningInterval / tick));
        var ring = new Measurement[latencyTicks + 1];
        var totalTicks = (long)(trace.Duration.Ticks / tick.Ticks);
        var importTable = importSchedule.InTimeOrder();
        var exportTable = new PriceSchedule(exportPrices).InTimeOrder();
        var forecast = new TraceForecast(trace, options.Forecast);

        Plan? plan = null;
        var planChanges = 0;
        double? lastCommand = null;
        var commands = 0;
        var violations = 0;
        var lastSign = 0;
        var currentMinute = -1L;
        int reversalsThisMinute = 0, reversalsMax = 0;
        DateTimeOffset? worstMinute = null;
        var intent = Intent.SelfConsume;
        double importWh = 0, exportWh = 0, chargeWh = 0, dischargeWh = 0, loadWh = 0, pvWh = 0, cost = 0, costWithout = 0;
        long eligibleTicks = 0, withinTicks = 0;
        double minSoc = model.SocPercent, maxSoc = model.SocPercent;

        for (long i = 0; i < totalTicks; i++)
        {
            var now = trace.Start + tick * i;
            clock.Now = now;
            var sample = trace.At(now);
            var measured = i >= latencyTicks ? ring[(i - latencyTicks) % ring.Length] : null;

            if (policy.Mode == ManageMode.Tou && i % ticksPerPlan == 0)
            {
                var input = PlanInput(trace, forecast, options, now, measured?.SocPercent ?? model.SocPercent, importPrices, exportPrices);
                var next = planner!.Compute(input);
                if (plan is null || adopt is null || adopt(plan, next, input))
                {
                    if (plan is not null && DiffersFrom(plan, next))
                    {
                        planChanges++;
                    }

                    plan = next;
                }
            }

            if (i % ticksPerCycle == 0 && measured is not null)
            {
                var slot = plan?.SlotAt(now);
                intent = policy.Mode == ManageMode.Tou && slot is not null ? slot.Intent : Intent.SelfConsume;
                var decision = loop.Step(measured, policy, slot);
                double? command = decision.HandsOff ? null : decision.BatteryWatts;
                model.Command(command ?? 0, now); // the model has no native mode: released, it idles
                if (command != lastCommand)
                {
                    commands += command is null ? 0 : 1;
                    lastCommand = command;
                }

                if (command is { } watts)
                {
                    if (watts > battery.MaxDischargeWatts + 0.5 || watts < -battery.MaxChargeWatts - 0.5 || (watts > 0 && model.SocPercent < floor))
                    {
                        violations++;
                    }

                    var sign = Math.Sign(watts);
                    var minute = (long)((now - trace.Start).TotalMinutes);
                    if (minute != currentMinute)
                    {
                        (currentMinute, reversalsThisMinute) = (minute, 0);
                    }

                    if (sign != 0)
                    {
                        if (lastSign != 0 && sign != lastSign)
                        {
                            if (++reversalsThisMinute > reversalsMax)
                            {
                                (reversalsMax, worstMinute) = (reversalsThisMinute, trace.Start.AddMinutes(minute));
                            }
                        }

                        lastSign = sign;
                    }
                }
            }

            var socBefore = model.SocPercent;
            var batteryWatts = model.Advance(now, tick);
            var netDemand = sample.LoadWatts - sample.PvWatts;
            var grid = netDemand - batteryWatts;
            ring[i % ring.Length] = new Measurement(now, grid, batteryWatts, model.SocPercent);

            loadWh += sample.LoadWatts * hoursPerTick;
            pvWh += sample.PvWatts * hoursPerTick;
            var importPrice = importTable.At(now) ?? 0;
            var exportPrice = exportTable.At(now) ?? 0;
            var gridWh = grid * hoursPerTick;
            if (gridWh > 0)
            {
                importWh += gridWh;
                cost += gridWh / 1000 * importPrice;
            }
            else
            {
                exportWh -= gridWh;
                cost += gridWh / 1000 * exportPrice;
            }

            var withoutWh = netDemand * hoursPerTick;
            costWithout += withoutWh / 1000 * (withoutWh > 0 ? importPrice : exportPrice);
            if (batteryWatts > 0)
            {
                dischargeWh += batteryWatts * hoursPerTick;
            }
            else
            {
                chargeWh -= batteryWatts * hoursPerTick;
            }

            if (policy.Mode != ManageMode.Native && intent is Intent.SelfConsume or Intent.DischargeToLoad &&
                CouldHold(netDemand - policy.GridTargetWatts, socBefore, floor, options))
            {
                eligibleTicks++;
                if (Math.Abs(grid - policy.GridTargetWatts) <= GridBandWatts)
                {
                    withinTicks++;
                }
            }

            minSoc = Math.Min(minSoc, model.SocPercent);
            maxSoc = Math.Max(maxSoc, model.SocPercent);
        }

        return new ReplayResult
        {
            Days = trace.Duration.TotalDays,
            CostWithoutBattery = costWithout,
            Cost = cost,
            OptimalCost = planner is null ? null : Optimal(trace, options, importPrices, exportPrices),
            ImportKwh = importWh / 1000,
            ExportKwh = exportWh / 1000,
            BatteryThroughputKwh = (chargeWh + dischargeWh) / 1000,
            GridWithin100WFraction = eligibleTicks == 0 ? null : (double)withinTicks / eligibleTicks,
            MinSocPercent = minSoc,
            MaxSocPercent = maxSoc,
            EndSocPercent = model.SocPercent,
            LimitViolations = violations,
            PlanChanges = planChanges,
            Commands = commands,
            ReversalsPerMinuteMax = reversalsMax,
            WorstReversalMinute = worstMinute,
            FollowAlarms = followAlarms,
            LoadKwh = loadWh / 1000,
            PvKwh = pvWh / 1000,
            ChargeKwh = chargeWh / 1000,
            DischargeKwh = dischargeWh / 1000,
            BatteryLossKwh = model.LossWh / 1000,
        };
    }

    /// <summary>Whether the battery could have brought the grid to its target: within its rated power (with the band's slack), not full when charge was needed, not at its floor when discharge was.</summary>
    private static bool CouldHold(double needed, double soc, double floor, ReplayOptions options) =>
        needed <= options.Battery.MaxDischargeWatts + GridBandWatts && needed >= -options.Battery.MaxChargeWatts - GridBandWatts &&
        !(needed < -GridBandWatts && soc >= 99.9) && !(needed > GridBandWatts && soc <= floor + EffectiveLimits.FloorMarginPercent);

    /// <summary>
    /// The input of one planning round. A horizon that reaches the end of the trace must end at or above the starting
    /// SoC, like the optimum it is compared with: otherwise emptying the battery on the last evening looks like savings.
    /// </summary>
    private static PlanningInput PlanInput(Trace trace, TraceForecast forecast, ReplayOptions options, DateTimeOffset now, double soc, IReadOnlyList<PriceSlot> import, IReadOnlyList<PriceSlot> export)
    {
        var reachesEnd = now + options.Horizon >= trace.End;
        var end = reachesEnd ? trace.End : now + options.Horizon;
        var count = Math.Max(1, (int)Math.Ceiling((end - now) / options.SlotLength));
        var (pv, load) = forecast.At(now, options.SlotLength, count);
        return new PlanningInput(now, options.SlotLength, soc, options.Battery, options.Policy, import, export, pv, load)
        {
            EndSocAtLeastPercent = reachesEnd ? options.InitialSocPercent : null,
        };
    }

    private double Optimal(Trace trace, ReplayOptions options, IReadOnlyList<PriceSlot> import, IReadOnlyList<PriceSlot> export)
    {
        var count = (int)Math.Ceiling(trace.Duration / options.SlotLength);
        var (pv, load) = TraceForecast.Perfect(trace, trace.Start, options.SlotLength, count);
        var input = new PlanningInput(trace.Start, options.SlotLength, options.InitialSocPercent, options.Battery, options.Policy with { Mode = ManageMode.Tou },
            import, export, pv, load)
        {
            EndSocAtLeastPercent = options.InitialSocPercent,
        };
        return planner!.Compute(input).ExpectedCost;
    }

    /// <summary>A new plan counts as a change when it gives any slot both plans cover a different intent.</summary>
    private static bool DiffersFrom(Plan running, Plan next) =>
        next.Slots.Any(slot => running.SlotAt(slot.Start) is { } old && old.Intent != slot.Intent);

    private static List<PriceSlot> Sorted(IReadOnlyList<PriceSlot> prices) => [.. prices.OrderBy(p => p.Start)];
}
