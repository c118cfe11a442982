using EnergyTap.Manager.Policies;

namespace EnergyTap.Manager.Planning;

/// <summary>
/// Exact dynamic programming over the state of charge. Backwards over the slots it computes, at each SoC
/// grid point, the cheapest cost from there to the end of the horizon; forwards from the actual SoC it then
/// picks each slot's battery energy. Within a slot the cost is piecewise linear in the energy moved, so the
/// optimum lies at a grid point, a power limit or a point where the cost changes slope (grid 0 W, the export
/// limit, the peak-shave cap, a target): only those are tried, which keeps 192 slots at 1 % well under a second.
/// Hard rules: rated powers, never discharging below the reserve or backup-hold floor, no grid charging under
/// solar-only (or where the import price is unknown), never pushing export past the limit. Soft rules (a
/// penalty far above any price, so broken only when nothing else works, and said so in the reason): the
/// peak-shave cap, the pre-charge target, the end state of charge.
/// </summary>
public sealed class DynamicProgrammingPlanner(PlannerOptions? options = null) : IPlanner
{
    // Tie-breaks, far below any real price difference: among equally cheap plans the one that cycles the
    // battery least wins, then the one that keeps it fuller sooner (stores surplus solar early, discharges
    // late: more left for an outage or a forecast that was too sunny).
    private const double MovePreference = 1e-9;
    private const double FullerPreference = 1e-10;

    private readonly PlannerOptions _options = options ?? new PlannerOptions();

    public Plan Compute(PlanningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(_options.SocStepPercent is > 0 and <= 50))
            throw new ManagerInputException("the planner's SoC step must be above 0 and at most 50 %");
        var policy = input.Policy;
        var selfConsumption = policy.Mode == ManageMode.SelfConsumption;
        var problem = PlanningProblem.From(input, noBatteryExport: selfConsumption);
        if (policy.Mode == ManageMode.Native)
        {
            var without = problem.Slots.Sum(s => s.Money(0));
            return new Plan(input.Start, [], without, without);
        }
        if (policy.Mode == ManageMode.Tou && problem.Slots.Length > 0 && problem.Slots.All(s => !s.ImportPriceKnown))
            throw new ManagerInputException($"no import price covers the plan from {input.Start:u}: tou needs prices for at least part of the horizon");
        // Self-consumption needs no optimisation unless a target must be reached the cheapest way.
        if (selfConsumption && policy.PreCharge is null && input.EndSocAtLeastPercent is null)
            return SelfConsumptionPlan.Compute(problem);
        return new Solver(problem, _options.SocStepPercent).Solve();
    }

    private sealed class Solver
    {
        private readonly PlanningProblem _problem;
        private readonly int _levels;
        private readonly double _step;
        private readonly double[][] _value;
        private readonly StageTerms[] _terms;

        public Solver(PlanningProblem problem, double stepPercent)
        {
            _problem = problem;
            _levels = Math.Max(1, (int)Math.Round(100 / stepPercent));
            _step = problem.CapacityWh / _levels;
            _value = new double[problem.Slots.Length + 1][];
            for (var t = 0; t <= problem.Slots.Length; t++)
                _value[t] = new double[_levels + 1];
            _terms = [.. problem.Slots.Select((_, t) => new StageTerms(problem, t))];
        }

        public Plan Solve()
        {
            var slots = _problem.Slots;
            for (var t = slots.Length - 1; t >= 0; t--)
                for (var i = 0; i <= _levels; i++)
                    _value[t][i] = Best(t, i * _step).Total;

            var planned = new List<PlanSlot>(slots.Length);
            var wh = _problem.StartWh;
            var cost = 0.0;
            for (var t = 0; t < slots.Length; t++)
            {
                var choice = Best(t, wh);
                var slot = slots[t];
                var watts = slot.Power(wh, choice.Next);
                cost += slot.Money(watts);
                var intent = PlanReason.IntentFor(slot, watts);
                var reason = PlanReason.Describe(_problem, t, intent, wh, choice.Next, Alternative(t, wh, choice));
                planned.Add(new PlanSlot(slot.Start, slot.End, intent, choice.Next / _problem.CapacityWh * 100, watts, reason));
                wh = choice.Next;
            }
            return new Plan(_problem.Input.Start, planned, cost, slots.Sum(s => s.Money(0)));
        }

        private string? Alternative(int t, double wh, Choice choice)
        {
            var moved = choice.Next - wh;
            var hold = Stage(t, wh, wh) + Future(t, wh);
            if (Math.Abs(moved) > 0.5)
                return PlanReason.Alternative("holding instead", hold - choice.Total);
            var (charge, discharge) = (choice.BestCharge, choice.BestDischarge);
            if (charge is null && discharge is null)
                return null;
            return charge is not null && (discharge is null || charge <= discharge)
                ? PlanReason.Alternative("charging instead", charge.Value - choice.Total)
                : PlanReason.Alternative("discharging instead", discharge!.Value - choice.Total);
        }

        private double Stage(int t, double from, double to) => _terms[t].Cost(from, to);

        private double Future(int t, double wh)
        {
            var next = _value[t + 1];
            var position = Math.Clamp(wh / _step, 0, _levels);
            var i = Math.Min((int)position, _levels - 1);
            var fraction = position - i;
            return next[i] + (next[i + 1] - next[i]) * fraction;
        }

        private Choice Best(int t, double wh)
        {
            var slot = _problem.Slots[t];
            var (low, high) = _problem.Reach(t, wh);
            low = Math.Max(low, Math.Min(wh, slot.EnergyAfter(wh, slot.DischargeCapWatts)));
            high = Math.Min(high, Math.Max(wh, slot.EnergyAfter(wh, -slot.ChargeCapWatts)));
            var scan = new Scan(wh);
            Consider(ref scan, t, wh, wh, low, high);
            Consider(ref scan, t, wh, low, low, high);
            Consider(ref scan, t, wh, high, low, high);
            for (var i = (int)Math.Ceiling(low / _step - 1e-9); i * _step <= high + 1e-9 && i <= _levels; i++)
                Consider(ref scan, t, wh, i * _step, low, high);
            // Where the slot's cost changes slope: grid at 0 W, at the peak cap, at the export limit; the targets.
            Consider(ref scan, t, wh, slot.EnergyAfter(wh, slot.NetLoadWatts), low, high);
            if (slot.PeakShaveWatts is { } cap)
            {
                // The cap and each penalty step above it, as far as the battery's powers reach.
                var steps = Math.Floor((slot.NetLoadWatts - cap + slot.ChargeCapWatts) / PlanningProblem.PeakTierWatts);
                for (var k = Math.Max(0, Math.Ceiling((slot.NetLoadWatts - cap - slot.DischargeCapWatts) / PlanningProblem.PeakTierWatts)); k <= steps; k++)
                    Consider(ref scan, t, wh, slot.EnergyAfter(wh, slot.NetLoadWatts - cap - k * PlanningProblem.PeakTierWatts), low, high);
            }
            if (slot.ExportLimitWatts is { } limit)
                Consider(ref scan, t, wh, slot.EnergyAfter(wh, slot.NetLoadWatts + limit), low, high);
            if (_problem.PreChargeSlot == t && _problem.PreChargeWh is { } pre)
                Consider(ref scan, t, wh, pre, low, high);
            if (t == _problem.Slots.Length - 1 && _problem.EndWh is { } end)
                Consider(ref scan, t, wh, end, low, high);
            return new Choice(scan.Next, scan.Total, scan.BestCharge, scan.BestDischarge);
        }

        private void Consider(ref Scan scan, int t, double from, double to, double low, double high)
        {
            if (to < low - 1e-9 || to > high + 1e-9)
                return;
            to = Math.Clamp(to, low, high);
            var total = Stage(t, from, to) + Future(t, to);
            if (total < scan.Total)
                (scan.Total, scan.Next) = (total, to);
            if (to > from + 0.5 && total < (scan.BestCharge ?? double.PositiveInfinity))
                scan.BestCharge = total;
            if (to < from - 0.5 && total < (scan.BestDischarge ?? double.PositiveInfinity))
                scan.BestDischarge = total;
        }

        /// <summary>
        /// One slot's cost as plain numbers (no nullable limits, no lookups): the same sums as
        /// <see cref="SlotModel.Money"/>, <see cref="PlanningProblem.PeakPenalty"/> and <see cref="PlanningProblem.TargetPenalty"/>,
        /// evaluated a few hundred thousand times per plan.
        /// </summary>
        private readonly struct StageTerms
        {
            private readonly double _hours, _efficiency, _netLoad, _importPerWh, _exportPerWh, _exportLimit, _peakCap, _preWh, _endWh;

            public StageTerms(PlanningProblem problem, int t)
            {
                var slot = problem.Slots[t];
                _hours = slot.Hours;
                _efficiency = slot.Efficiency;
                _netLoad = slot.NetLoadWatts;
                _importPerWh = slot.ImportPrice / 1000;
                _exportPerWh = slot.ExportPrice / 1000;
                _exportLimit = slot.ExportLimitWatts ?? double.PositiveInfinity;
                _peakCap = slot.PeakShaveWatts ?? double.PositiveInfinity;
                _preWh = problem.PreChargeSlot == t && problem.PreChargeWh is { } pre ? pre - 1e-6 : double.NegativeInfinity;
                _endWh = t == problem.Slots.Length - 1 && problem.EndWh is { } end ? end - 1e-6 : double.NegativeInfinity;
            }

            public double Cost(double from, double to)
            {
                var stored = to - from;
                var watts = stored >= 0 ? -stored / _efficiency / _hours : -stored * _efficiency / _hours;
                var grid = _netLoad - watts;
                var cost = grid >= 0 ? grid * _hours * _importPerWh : -Math.Min(-grid, _exportLimit) * _hours * _exportPerWh;
                const double penaltyPerWh = PlanningProblem.PenaltyPerKwh / 1000;
                if (grid > _peakCap + 1e-6)
                    cost += PlanningProblem.PeakPenalty(grid - _peakCap) * _hours;
                if (to < _preWh)
                    cost += (_preWh + 1e-6 - to) * penaltyPerWh;
                if (to < _endWh)
                    cost += (_endWh + 1e-6 - to) * penaltyPerWh;
                return cost + MovePreference * Math.Abs(stored) - FullerPreference * to;
            }
        }

        private struct Scan(double from)
        {
            public double Next = from;
            public double Total = double.PositiveInfinity;
            public double? BestCharge;
            public double? BestDischarge;
        }

        private readonly record struct Choice(double Next, double Total, double? BestCharge, double? BestDischarge);
    }
}
