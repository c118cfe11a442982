namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>The account has multi-factor authentication on; EnergyTap cannot answer the second factor.</summary>
public sealed class CloudMfaRequiredException() : CloudAuthenticationException(
    200,
    "this FranklinWH account requires multi-factor authentication, which EnergyTap cannot complete: "
    + "in the FranklinWH app turn off two-step verification for this account (or invite a second account "
    + "without it to the site), then log in again.");
