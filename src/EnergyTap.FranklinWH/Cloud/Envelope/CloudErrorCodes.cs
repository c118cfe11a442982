namespace EnergyTap.FranklinWH.Cloud.Envelope;

/// <summary>Envelope codes the FranklinWH cloud is known to answer, with what they mean for a user.</summary>
public static class CloudErrorCodes
{
    public const int Ok = 200;
    public const int DeviceTimeout = 102;
    public const int GatewayOffline = 136;
    public const int ModeChangeQueued = 176;
    public const int NotProvisioned = 181;
    public const int BadRequestOrLocked = 400;
    public const int Unauthorized = 401;
    public const int ServerError = 500;
    public const int TokenExpired = 10009;

    /// <summary>True for the codes after which one fresh login and one retry is the right answer.</summary>
    public static bool MeansLoginExpired(int code) => code is Unauthorized or TokenExpired;

    /// <summary>A sentence a user understands, naming what they can do about it.</summary>
    public static string Describe(int code, string? serverMessage, string endpoint)
    {
        var detail = code switch
        {
            DeviceTimeout => "the aGate did not answer the cloud in time (code 102); it may be busy or on a weak connection, try again in a minute",
            GatewayOffline => "the aGate is offline (code 136): it has no connection to the FranklinWH cloud; check its Wi-Fi/Ethernet/cellular link",
            NotProvisioned => "permission denied or accessory not installed (code 181): this account or gateway does not have that feature",
            ModeChangeQueued => "the change was queued (code 176): the aGate is offline and will apply it when it reconnects",
            Unauthorized or TokenExpired => $"the login token is no longer valid (code {code})",
            ServerError => "the cloud rejected the request (code 500)",
            _ => $"the cloud answered code {code}",
        };
        return string.IsNullOrWhiteSpace(serverMessage) || code is DeviceTimeout or GatewayOffline or NotProvisioned or ModeChangeQueued
            ? $"FranklinWH cloud {endpoint}: {detail}."
            : $"FranklinWH cloud {endpoint}: {detail}: {serverMessage}.";
    }
}
