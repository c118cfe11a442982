using System.Globalization;

namespace EnergyTap.SunSpec.Catalog;

/// <summary>
/// A point's scale factor: a fixed power of ten, or the name of a sunssf point (looked up in the
/// point's own group first, then in the enclosing groups up to the model).
/// </summary>
public sealed record ScaleFactorReference
{
    private ScaleFactorReference(int? fixedValue, string? pointName)
    {
        Fixed = fixedValue;
        PointName = pointName;
    }

    public int? Fixed { get; }

    public string? PointName { get; }

    public static ScaleFactorReference Constant(int exponent) => new(exponent, null);

    public static ScaleFactorReference Point(string name) => new(null, name);

    /// <summary>"-2" is a fixed factor, anything else names a point.</summary>
    public static ScaleFactorReference Parse(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) ? Constant(exponent) : Point(text);

    public static implicit operator ScaleFactorReference(string text) => Parse(text);

    public static implicit operator ScaleFactorReference(int exponent) => Constant(exponent);

    public override string ToString() => PointName ?? Fixed!.Value.ToString(CultureInfo.InvariantCulture);
}
