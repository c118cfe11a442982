namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>Login answered 400: the account is locked. Never retried, because retrying extends the lock.</summary>
public sealed class CloudAccountLockedException(string serverMessage) : CloudAuthenticationException(
    400,
    "FranklinWH cloud login refused with code 400: the account is locked after too many attempts"
    + (string.IsNullOrWhiteSpace(serverMessage) ? "" : $" ({serverMessage})")
    + "; wait before trying again or reset the password in the FranklinWH app.");
