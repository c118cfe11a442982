namespace EnergyTap.FranklinWH.Cloud.V2l;

/// <summary>Which safeguard stopped a V2L command.</summary>
public enum V2lRefusal
{
    NotOptedIn,
    HardwareNotEligible,
    NotLicensed,
    NotOffGrid,
    NoFreshStats,
}
