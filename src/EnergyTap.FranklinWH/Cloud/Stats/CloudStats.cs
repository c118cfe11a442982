namespace EnergyTap.FranklinWH.Cloud.Stats;

/// <summary>
/// One stats poll. When the cloud answered <c>valid:false</c> or without runtimeData, <see cref="IsStale"/> is true
/// and the values are the last fresh ones this client saw (or null) — never zeros standing in for "unknown".
/// </summary>
public sealed record CloudStats(string GatewayId, bool IsStale, DateTimeOffset? ValuesAt, CurrentValues? Current, DailyTotals? Totals)
{
    /// <summary>currentWorkMode: 1 time of use, 2 self-consumption, 3 emergency backup.</summary>
    public int? CurrentWorkMode { get; init; }
    public int? DeviceStatus { get; init; }
}
