namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>Who is logged in. The token itself stays inside the client and its token store.</summary>
public sealed record CloudLoginResult(string Account, string? UserId);
