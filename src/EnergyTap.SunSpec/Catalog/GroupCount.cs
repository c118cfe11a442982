using System.Globalization;

namespace EnergyTap.SunSpec.Catalog;

/// <summary>
/// How often a group repeats: a fixed number, the name of a point holding the number (NCrv, NPrt, ...),
/// or <see cref="FillsModel"/> (count 0 in the schema: as many as fit in the rest of the model's length).
/// </summary>
public sealed record GroupCount
{
    private GroupCount(int? fixedCount, string? pointName)
    {
        Fixed = fixedCount;
        PointName = pointName;
    }

    public static GroupCount One { get; } = new(1, null);

    public int? Fixed { get; }

    public string? PointName { get; }

    public bool FillsModel => Fixed == 0;

    /// <summary>True when instances are addressed with an index (Prt[1]); a group that occurs once is not.</summary>
    public bool Repeats => Fixed != 1;

    public static GroupCount Constant(int count) => count == 1 ? One : new(count, null);

    public static GroupCount Point(string name) => new(null, name);

    public static implicit operator GroupCount(string name) => Point(name);

    public static implicit operator GroupCount(int count) => Constant(count);

    public override string ToString() => PointName ?? Fixed!.Value.ToString(CultureInfo.InvariantCulture);
}
