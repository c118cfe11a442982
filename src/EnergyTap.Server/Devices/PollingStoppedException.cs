namespace EnergyTap.Server.Devices;

/// <summary>
/// Thrown by a poller when polling again would do harm, e.g. the cloud refused the login for bad credentials and
/// every retry brings the account closer to a lockout. The scheduler stops that poller for good (until the
/// service restarts with a corrected configuration) instead of backing off and trying again.
/// </summary>
public sealed class PollingStoppedException(string message, Exception? innerException = null) : Exception(message, innerException);
