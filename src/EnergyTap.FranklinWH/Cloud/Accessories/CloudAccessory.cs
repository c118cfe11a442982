namespace EnergyTap.FranklinWH.Cloud.Accessories;

/// <summary>One accessory installed on a gateway.</summary>
public sealed record CloudAccessory(int Type, string? Serial)
{
    public string Description => AccessoryCatalog.Describe(Type);
    public string? Sku => AccessoryCatalog.SkuOf(Type);
}
