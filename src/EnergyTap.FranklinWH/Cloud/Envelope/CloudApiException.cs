namespace EnergyTap.FranklinWH.Cloud.Envelope;

/// <summary>The cloud answered with an envelope whose code is not 200 (or an HTTP error carrying one).</summary>
public class CloudApiException(int code, string message) : Exception(message)
{
    /// <summary>The envelope's <c>code</c> (or the HTTP status when there was no envelope).</summary>
    public int Code { get; } = code;

    /// <summary>True when the failure is the gateway's, not ours: asking again later may well work.</summary>
    public bool IsTransient => Code is CloudErrorCodes.DeviceTimeout or CloudErrorCodes.GatewayOffline;
}
