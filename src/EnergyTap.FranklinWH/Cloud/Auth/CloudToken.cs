namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>A login token and the account it belongs to. <see cref="ToString"/> never shows the token.</summary>
public sealed record CloudToken(string Account, string Token)
{
    public override string ToString() => $"CloudToken {{ Account = {Account}, Token = *** }}";
}
