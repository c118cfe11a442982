namespace EnergyTap.FranklinWH.Cloud.Accessories;

/// <summary>
/// Accessory types. common/getAccessoryList reports the kind only (3 generator, 4 smart circuits, as the live-tested
/// clients read it); seed 000's hardware table uses finer codes (201 … 302) that also say version and region.
/// </summary>
public static class AccessoryCatalog
{
    public const int Generator = 3;
    public const int SmartCircuits = 4;

    public const int GeneratorV1Us = 201;
    public const int SmartCircuitsV1Us = 202;
    public const int GeneratorV2Us = 203;
    public const int SmartCircuitsV2Us = 204;
    public const int GeneratorV1Au = 301;
    public const int SmartCircuitsV1Au = 302;

    private static readonly Dictionary<int, (string Description, string? Sku)> Known = new()
    {
        [Generator] = ("Generator Module", null),
        [SmartCircuits] = ("Smart Circuits", null),
        [GeneratorV1Us] = ("Generator Module V1 (US)", "ACCY-GENV1-US"),
        [SmartCircuitsV1Us] = ("Smart Circuits V1 (US)", null),
        [GeneratorV2Us] = ("Generator Module V2 (US)", "ACCY-GENV2-US"),
        [SmartCircuitsV2Us] = ("Smart Circuits V2 (US)", null),
        [GeneratorV1Au] = ("Generator Module V1 (AU)", "ACCY-GENV1-AU"),
        [SmartCircuitsV1Au] = ("Smart Circuits V1 (AU)", null),
    };

    public static bool IsGenerator(int type) => type is Generator or GeneratorV1Us or GeneratorV2Us or GeneratorV1Au;

    public static bool IsSmartCircuits(int type) => type is SmartCircuits or SmartCircuitsV1Us or SmartCircuitsV2Us or SmartCircuitsV1Au;

    /// <summary>True for the finer codes of seed 000's table, which say the hardware generation.</summary>
    public static bool IsDetailed(int type) => type >= 100;

    public static string Describe(int type) => Known.TryGetValue(type, out var k) ? k.Description : $"Unknown accessory type {type}";

    public static string? SkuOf(int type) => Known.TryGetValue(type, out var k) ? k.Sku : null;
}
