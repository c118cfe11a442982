namespace EnergyTap.FranklinWH.Cloud.Gateways;

/// <summary>No gateway was named and the account has several (or the named one is not on the account).</summary>
/// <remarks>The ids and the requested one are here so a caller can say how to choose in its own terms (a flag, a config key).</remarks>
public sealed class GatewayNotFoundException(string message, IReadOnlyList<string> availableIds, string? requestedId = null) : Exception(message)
{
    public IReadOnlyList<string> AvailableIds { get; } = availableIds;

    /// <summary>The id asked for, or null when none was named.</summary>
    public string? RequestedId { get; } = requestedId;

    /// <summary>True when the account has several gateways and none was named: a choice is missing, not wrong.</summary>
    public bool ChoiceNeeded => RequestedId is null && AvailableIds.Count > 1;
}
