using EnergyTap.SunSpec.Catalog;
using EnergyTap.SunSpec.Codecs;

namespace EnergyTap.SunSpec.Points;

/// <summary>Reads points out of a register block in human units.</summary>
internal static class PointDecoder
{
    public static PointReading Read(PointLocation point, RegisterBlock registers)
    {
        if (!registers.TryGet(point.Address, point.Size, out var raw))
        {
            return new PointReading(point, null, null);
        }

        var type = point.Type;
        if (!type.IsInteger())
        {
            return new PointReading(point, PointCodec.Decode(type, raw), null);
        }

        var value = PointCodec.Decode(type, raw);
        if (value is null)
        {
            return new PointReading(point, null, null);
        }

        if (point.Definition.ScaleFactor is ScaleFactorReference sf && value is long whole)
        {
            return new PointReading(point, ScaleFactors.Apply(whole, ScaleFactorOf(point, sf, registers)), null);
        }

        return new PointReading(point, value, SymbolOf(point.Definition, value));
    }

    public static long? ReadInteger(PointLocation point, RegisterBlock registers) =>
        registers.TryGet(point.Address, point.Size, out var raw) && PointCodec.TryDecodeInteger(point.Type, raw, out var value) ? value : null;

    private static long? ScaleFactorOf(PointLocation point, ScaleFactorReference sf, RegisterBlock registers) =>
        sf.Fixed ?? (point.ScaleFactorPoint is PointLocation sfPoint ? ReadInteger(sfPoint, registers) : null);

    private static string? SymbolOf(PointDefinition definition, object value)
    {
        if (value is not long number)
        {
            return null;
        }

        if (definition.Type.IsEnum())
        {
            return definition.SymbolFor(number);
        }

        if (!definition.Type.IsBitfield() || definition.Symbols.Count == 0)
        {
            return null;
        }

        var bits = new List<string>();
        for (var bit = 0; bit < 64; bit++)
        {
            if ((number & (1L << bit)) != 0)
            {
                bits.Add(definition.SymbolFor(bit) ?? $"bit{bit}");
            }
        }

        return bits.Count == 0 ? "" : string.Join('|', bits);
    }
}
