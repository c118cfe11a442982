namespace EnergyTap.FranklinWH.Cloud.Accessories;

/// <summary>The accessory types the cloud reports, as seed 000's hardware table describes them.</summary>
public static class AccessoryCatalog
{
    public const int GeneratorV1Us = 201;
    public const int SmartCircuitsV1Us = 202;
    public const int GeneratorV2Us = 203;
    public const int SmartCircuitsV2Us = 204;
    public const int GeneratorV1Au = 301;
    public const int SmartCircuitsV1Au = 302;

    private static readonly Dictionary<int, (string Description, string? Sku)> Known = new()
    {
        [GeneratorV1Us] = ("Generator Module V1 (US)", "ACCY-GENV1-US"),
        [SmartCircuitsV1Us] = ("Smart Circuits V1 (US)", null),
        [GeneratorV2Us] = ("Generator Module V2 (US)", "ACCY-GENV2-US"),
        [SmartCircuitsV2Us] = ("Smart Circuits V2 (US)", null),
        [GeneratorV1Au] = ("Generator Module V1 (AU)", "ACCY-GENV1-AU"),
        [SmartCircuitsV1Au] = ("Smart Circuits V1 (AU)", null),
    };

    public static bool IsGenerator(int type) => type is GeneratorV1Us or GeneratorV2Us or GeneratorV1Au;

    public static bool IsSmartCircuits(int type) => type is SmartCircuitsV1Us or SmartCircuitsV2Us or SmartCircuitsV1Au;

    public static string Describe(int type) => Known.TryGetValue(type, out var k) ? k.Description : $"Unknown accessory type {type}";

    public static string? SkuOf(int type) => Known.TryGetValue(type, out var k) ? k.Sku : null;
}
