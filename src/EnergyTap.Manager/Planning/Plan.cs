namespace EnergyTap.Manager.Planning;

/// <summary>One slot of a plan: the intent, the state of charge planned at its end and the rule that decided it.</summary>
public sealed record PlanSlot(DateTimeOffset Start, DateTimeOffset End, Intent Intent, double TargetSocPercent, double PlannedBatteryWatts, string Reason);

/// <summary>A plan over the horizon and what it is expected to cost (currency), beside the cost of not using the battery.</summary>
public sealed record Plan(DateTimeOffset CreatedAt, IReadOnlyList<PlanSlot> Slots, double ExpectedCost, double CostWithoutBattery)
{
    public PlanSlot? SlotAt(DateTimeOffset time) => Slots.FirstOrDefault(s => s.Start <= time && time < s.End);
}
