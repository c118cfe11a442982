using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>
/// What every authenticated endpoint checks first, in the cloud's order: the token (401 unknown, 10009 expired),
/// the gateway (181 when not on the account), forced errors, then 136 when the gateway is offline.
/// </summary>
internal static class RequestGuard
{
    public sealed record Allowed(AccountState Account, GatewayState? Gateway);

    /// <summary>Either the caller and its gateway, or the answer to send instead. Call under the state lock.</summary>
    public static (Allowed? Ok, IResult? Refusal) Check(CloudSimulatorState state, HttpContext http, string? gatewayId, bool offlineAnswer = true)
    {
        var token = state.Token(http.Request.Headers["loginToken"].ToString());
        if (token is null)
        {
            return (null, Envelopes.Error(401, "Unauthorized", StatusCodes.Status401Unauthorized));
        }

        if (state.IsExpired(token))
        {
            return (null, Envelopes.Error(10009, "Login token expired, please log in again"));
        }

        if (gatewayId is null)
        {
            return (new Allowed(token.Account, null), null);
        }

        // Ids are case-sensitive: the live cloud answers 181 to a gateway id in lower case.
        var gateway = token.Account.Gateways.FirstOrDefault(g => string.Equals(g.Id, gatewayId, StringComparison.Ordinal));
        if (gateway is null)
        {
            return (null, Envelopes.Error(181, Envelopes.MessageFor(181)));
        }

        if (state.TakeForcedError(gateway.Id) is { } forced)
        {
            return (null, Envelopes.Error(forced, Envelopes.MessageFor(forced)));
        }

        if (offlineAnswer && !gateway.Online)
        {
            return (null, Envelopes.Error(136, Envelopes.MessageFor(136)));
        }

        return (new Allowed(token.Account, gateway), null);
    }
}
