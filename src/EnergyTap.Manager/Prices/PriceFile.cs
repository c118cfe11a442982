namespace EnergyTap.Manager.Prices;

/// <summary>A price file in either accepted form: a JSON array when it starts with '[', otherwise CSV.</summary>
public static class PriceFile
{
    public static IReadOnlyList<PriceSlot> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('[') ? PriceJson.Parse(text) : PriceCsv.Parse(text);
    }
}
