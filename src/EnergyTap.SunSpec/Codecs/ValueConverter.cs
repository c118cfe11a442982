using EnergyTap.SunSpec.Catalog;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.SunSpec.Codecs;

/// <summary>
/// Turns a value in human units into a point's registers: numbers are divided by 10^sf and rounded, enum symbol
/// names ("ENABLED") and bitfield symbol lists ("A|B") become numbers, <see cref="RawValue"/> skips scaling,
/// a ushort[] of the point's size is taken verbatim, and null writes "not implemented".
/// </summary>
public static class ValueConverter
{
    /// <param name="scaleFactor">The current value of the point's scale factor (null when not implemented).</param>
    public static ushort[] ToRegisters(PointLocation point, object? value, long? scaleFactor)
    {
        var name = point.FullName;
        var definition = point.Definition;
        switch (value)
        {
            case ushort[] registers:
                return registers.Length == point.Size
                    ? registers
                    : throw new SunSpecValueException($"{name}: takes {point.Size} register(s), got {registers.Length}");
            case RawValue raw:
                return PointEncoder.Encode(name, definition.Type, point.Size, raw.Value);
            case null:
                return PointEncoder.Encode(name, definition.Type, point.Size, null);
        }

        if (!definition.Type.IsInteger())
        {
            return PointEncoder.Encode(name, definition.Type, point.Size, value);
        }

        if (value is string text && definition.Symbols.Count > 0)
        {
            if (SymbolValue(definition, text) is long symbolic)
            {
                return PointEncoder.Encode(name, definition.Type, point.Size, symbolic);
            }

            if (!decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                throw new SunSpecValueException($"{name}: '{text}' is not one of its symbols ({string.Join(", ", definition.Symbols.Select(s => s.Name))}) nor a number");
            }
        }

        var number = PointEncoder.AsDecimal(name, value);
        if (definition.ScaleFactor is ScaleFactorReference sf)
        {
            var exponent = sf.Fixed ?? scaleFactor
                ?? throw new SunSpecValueException($"{name}: its scale factor {sf} is not implemented, so a value in units cannot be converted");
            var given = number;
            try
            {
                number = ScaleFactors.Remove(number, exponent);
            }
            catch (SunSpecValueException ex)
            {
                throw new SunSpecValueException($"{name}: {ex.Message}");
            }

            // Said in the units the user wrote, not in raw register counts they never saw.
            var (min, max) = PointEncoder.Range(definition.Type);
            if (number < min || number > max)
            {
                var units = string.IsNullOrEmpty(definition.Units) ? "" : $" {definition.Units}";
                throw new SunSpecValueException(
                    $"{name}: {PointEncoder.Show(given)}{units} is outside what it can hold, {PointEncoder.Show(ScaleFactors.ToUnits(min, exponent))}..{PointEncoder.Show(ScaleFactors.ToUnits(max, exponent))}{units} ({definition.Type.SchemaName()}, scale factor {exponent})");
            }
        }

        return PointEncoder.Encode(name, definition.Type, point.Size, number);
    }

    /// <summary>An enum symbol's value, or a bitfield's bits from "A|B"; null when the text is not symbolic.</summary>
    private static long? SymbolValue(PointDefinition definition, string text)
    {
        if (definition.Symbols.Count == 0 || (!definition.Type.IsEnum() && !definition.Type.IsBitfield()))
        {
            return null;
        }

        if (definition.Type.IsEnum())
        {
            return Find(definition, text.Trim())?.Value;
        }

        long bits = 0;
        foreach (var part in text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Find(definition, part) is not PointSymbol symbol)
            {
                return null;
            }

            bits |= 1L << (int)symbol.Value;
        }

        return bits;
    }

    private static PointSymbol? Find(PointDefinition definition, string name) =>
        definition.Symbols.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
