using EnergyTap.Server.Readings;

namespace EnergyTap.Server.PowerFlows;

/// <summary>One term of a site's power balance, in watts, and which device it came from.</summary>
public sealed record FlowTerm(double? Watts, string? Source, ReadingQuality Quality, DateTimeOffset? Time);

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
    /// <summary>The <c>grid_connected</c> reading (1 on the grid, 0 in an outage) in <see cref="FlowTerm.Watts"/>; null when no device reports it.</summary>
    public FlowTerm GridConnected { get; init; } = new(null, null, ReadingQuality.Missing, null);
}
