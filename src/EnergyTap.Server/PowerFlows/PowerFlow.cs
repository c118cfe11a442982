using EnergyTap.Server.Readings;

namespace EnergyTap.Server.PowerFlows;

/// <summary>
/// One term of a site's power balance and which device it came from: watts for the power terms,
/// percent for the battery's state of charge, 1/0 for grid_connected (<see cref="Unit"/> says which).
/// </summary>
public sealed record FlowTerm(double? Value, string? Unit, string? Source, ReadingQuality Quality, DateTimeOffset? Time)
{
    public static FlowTerm Missing(string unit) => new(null, unit, null, ReadingQuality.Missing, null);
}

/// <summary>
/// Where a site's power goes right now. Signs: grid positive = importing; battery positive =
/// discharging (supplying the home); solar, home load, generator and V2L are never negative.
/// </summary>
public sealed record PowerFlow(
    string Site,
    DateTimeOffset Time,
    FlowTerm Solar,
    FlowTerm HomeLoad,
    FlowTerm Grid,
    FlowTerm Battery,
    FlowTerm BatterySoc,
    FlowTerm Generator,
    FlowTerm V2l)
{
    /// <summary>The <c>grid_connected</c> reading (1 on the grid, 0 in an outage) in <see cref="FlowTerm.Value"/>; null when no device reports it.</summary>
    public FlowTerm GridConnected { get; init; } = FlowTerm.Missing(QuantityCatalog.Known[PowerFlowCalculator.GridConnected].Unit);
}
