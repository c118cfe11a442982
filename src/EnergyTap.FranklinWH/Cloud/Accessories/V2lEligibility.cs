namespace EnergyTap.FranklinWH.Cloud.Accessories;

/// <summary>Whether the installed hardware can do V2L at all, with the reason in words (seed 000's compatibility table).</summary>
public sealed record V2lEligibility(bool Eligible, string Note)
{
    public static V2lEligibility Evaluate(IReadOnlyCollection<int> types)
    {
        if (types.Contains(AccessoryCatalog.SmartCircuitsV2Us))
        {
            return new(true, "US Smart Circuits V2 (204) have V2L built in; no Generator Module needed.");
        }

        if (types.Contains(AccessoryCatalog.SmartCircuitsV1Us) && types.Contains(AccessoryCatalog.GeneratorV1Us))
        {
            return new(true, "US Smart Circuits V1 (202) with Generator Module V1 (201): V2L through the CarSW port.");
        }

        if (types.Contains(AccessoryCatalog.SmartCircuitsV1Au))
        {
            return new(false, "AU Smart Circuits V1 (302) have no V2L port.");
        }

        if (types.Contains(AccessoryCatalog.SmartCircuitsV1Us))
        {
            return new(false, types.Contains(AccessoryCatalog.GeneratorV2Us)
                ? "US Smart Circuits V1 (202) need Generator Module V1 (201) for the CarSW port; Generator Module V2 (203) has no V2L port."
                : "US Smart Circuits V1 (202) need Generator Module V1 (201) to enable the CarSW port.");
        }

        return new(false, "no Smart Circuits module: V2L needs US Smart Circuits V2 (204), or V1 (202) with Generator Module V1 (201).");
    }
}
