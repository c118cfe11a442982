namespace EnergyTap.Simulators.Cloud;

/// <summary>How the whole simulated cloud fails, whatever the endpoint (see <see cref="CloudSimulator.Outage"/>).</summary>
public enum CloudOutage
{
    /// <summary>Answers normally.</summary>
    None,

    /// <summary>Accepts every request and never answers, until the client gives up (an overloaded load balancer).</summary>
    Hang,

    /// <summary>Answers every request with <see cref="CloudSimulator.OutageStatusCode"/> and no envelope (a failing backend).</summary>
    ServerError,
}
