using EnergyTap.FranklinWH.Cloud.Envelope;

namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>The cloud refused the login (wrong credentials, locked account, MFA, or a token that stays invalid).</summary>
public class CloudAuthenticationException(int code, string message) : CloudApiException(code, message);
