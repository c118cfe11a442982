namespace EnergyTap.FranklinWH.Cloud.Accessories;

/// <summary>Whether the installed hardware can do V2L at all, with the reason in words (seed 000's compatibility table).</summary>
public sealed record V2lEligibility(bool Eligible, string Note)
{
    /// <param name="types">Accessory types: the kinds getAccessoryList reports (3, 4) or seed 000's finer codes.</param>
    /// <param name="v2lModeEnable">The gateway's own V2L flag (getDeviceInfoV2 v2lModeEnable); decides when only the kinds are known.</param>
    public static V2lEligibility Evaluate(IReadOnlyCollection<int> types, bool? v2lModeEnable = null)
    {
        if (types.Any(AccessoryCatalog.IsDetailed))
        {
            return FromHardwareTable(types);
        }

        if (!types.Contains(AccessoryCatalog.SmartCircuits))
        {
            return new(false, "no Smart Circuits module: V2L needs US Smart Circuits V2, or V1 with Generator Module V1.");
        }

        // The accessory list names the kind, not V1/V2 or US/AU, so the table cannot be applied; the gateway's own
        // V2L flag is only set where the hardware has a V2L port.
        return v2lModeEnable switch
        {
            true => new(true, "Smart Circuits installed and the gateway reports V2L enabled (v2lModeEnable=1)."),
            false => new(false, "Smart Circuits installed, but the gateway reports V2L not enabled (v2lModeEnable=0): it is not licensed or the hardware has no V2L port."),
            null => new(false, "Smart Circuits installed, but the gateway does not report V2L (v2lModeEnable is not 1): "
                + "V2L needs US Smart Circuits V2, or V1 with Generator Module V1, and AU hardware has no V2L port."),
        };
    }

    private static V2lEligibility FromHardwareTable(IReadOnlyCollection<int> types)
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
