using EnergyTap.SunSpec.Catalog;

namespace EnergyTap.SunSpec.Points;

/// <summary>
/// Where one point of one model instance lives: <see cref="Address"/> is the PDU address (0-based) of its first
/// register. <see cref="Name"/> is the path inside the model ("WSetPct", "Prt[2].DCW"; group indexes start at 1).
/// </summary>
public sealed record PointLocation(int ModelId, string Name, PointDefinition Definition, int Address)
{
    /// <summary>The sunssf point this point's value is scaled by, when the factor is a point.</summary>
    public PointLocation? ScaleFactorPoint { get; init; }

    public int Size => Definition.Size;

    public PointType Type => Definition.Type;

    /// <summary>"704.WSetPct": the name the CLI and <see cref="SunSpecMap.Resolve"/> take.</summary>
    public string FullName => $"{ModelId}.{Name}";

    public bool IsScaled => Definition.ScaleFactor is not null;

    public override string ToString() => $"{FullName} @{Address}";
}
