namespace EnergyTap.FranklinWH.Cloud.Accessories;

/// <summary>What hardware a gateway has and what that allows.</summary>
public sealed record DiscoverySnapshot(string GatewayId, IReadOnlyList<CloudAccessory> Accessories, V2lEligibility V2l)
{
    public bool HasGenerator => Accessories.Any(a => AccessoryCatalog.IsGenerator(a.Type));
    public bool HasSmartCircuits => Accessories.Any(a => AccessoryCatalog.IsSmartCircuits(a.Type));
    public bool V2lEligible => V2l.Eligible;
    public string V2lNote => V2l.Note;
}
