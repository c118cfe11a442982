namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>A FranklinWH account. <see cref="ToString"/> never shows the password.</summary>
public sealed record CloudCredentials(string Email, string Password)
{
    public override string ToString() => $"CloudCredentials {{ Email = {Email}, Password = *** }}";
}
