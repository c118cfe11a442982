namespace EnergyTap.Manager.Prices;

/// <summary>A price file in either accepted form: JSON when it starts with '[' or '{' (an object is refused as not an array), otherwise CSV.</summary>
public static class PriceFile
{
    public static IReadOnlyList<PriceSlot> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n') is ['[' or '{', ..] ? PriceJson.Parse(text) : PriceCsv.Parse(text);
    }
}
