using EnergyTap.SunSpec.Catalog;
using Microsoft.Extensions.Logging;

namespace EnergyTap.SunSpec.Discovery;

/// <summary>How to find and decode a device's SunSpec map.</summary>
public sealed record SunSpecScanOptions
{
    public byte UnitId { get; init; } = 1;

    /// <summary>PDU address of the "SunS" marker, or null to try 40000, 0 and 50000 in that order.</summary>
    public int? BaseAddress { get; init; }

    public ModelCatalog Catalog { get; init; } = ModelCatalog.Builtin;

    /// <summary>A chain with more models than this is treated as broken.</summary>
    public int MaxModels { get; init; } = 1000;

    public ILogger? Logger { get; init; }
}
