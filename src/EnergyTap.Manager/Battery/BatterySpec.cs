namespace EnergyTap.Manager.Battery;

/// <summary>
/// What bounds every plan and every command: usable capacity, rated powers (M702/M713 on an aGate),
/// round-trip efficiency and the reserve the battery never goes below.
/// </summary>
public sealed record BatterySpec(
    double CapacityWh,
    double MaxChargeWatts,
    double MaxDischargeWatts,
    double RoundTripEfficiency = 0.9,
    double ReservePercent = 20)
{
    /// <summary>Why the spec is impossible (non-positive capacity, efficiency outside (0, 1], …), or null when it is usable.</summary>
    public string? Problem() =>
        !(CapacityWh > 0) ? "the battery capacity must be more than 0 Wh"
        : !(MaxChargeWatts > 0) ? "the maximum charge power must be more than 0 W"
        : !(MaxDischargeWatts > 0) ? "the maximum discharge power must be more than 0 W"
        : !(RoundTripEfficiency is > 0 and <= 1) ? "the round-trip efficiency must be above 0 and at most 1"
        : !(ReservePercent is >= 0 and < 100) ? "the reserve must be between 0 and 100 %"
        : null;
}
