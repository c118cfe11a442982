namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>Who is logged in. The token itself stays inside the client and its token store.</summary>
public sealed record CloudLoginResult(string Account, string? UserId)
{
    /// <summary>currentType: the role this login acts as (0 homeowner, 1 installer, as the login's type asked).</summary>
    public int? CurrentType { get; init; }

    /// <summary>userTypes: every role the account has.</summary>
    public IReadOnlyList<int> UserTypes { get; init; } = [];
}
