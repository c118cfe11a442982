namespace EnergyTap.FranklinWH.Cloud.Gateways;

/// <summary>No gateway was named and the account has several (or the named one is not on the account).</summary>
public sealed class GatewayNotFoundException(string message, IReadOnlyList<string> availableIds) : Exception(message)
{
    public IReadOnlyList<string> AvailableIds { get; } = availableIds;
}
