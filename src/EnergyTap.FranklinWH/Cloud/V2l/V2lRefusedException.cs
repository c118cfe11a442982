namespace EnergyTap.FranklinWH.Cloud.V2l;

/// <summary>A V2L command was not sent because a prerequisite failed. Nothing was written.</summary>
public sealed class V2lRefusedException(V2lRefusal reason, string message) : InvalidOperationException(message)
{
    public V2lRefusal Reason { get; } = reason;
}
