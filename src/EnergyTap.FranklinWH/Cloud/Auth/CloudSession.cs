using System.Text.Json;
using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Http;
using Microsoft.Extensions.Logging;

namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>
/// Owns the login token: loads it from the store, logs in when there is none, and renews it at most once per
/// stale token however many callers notice the expiry at the same time.
/// </summary>
internal sealed class CloudSession(CloudTransport transport, FranklinCloudOptions options, ILogger logger) : IDisposable
{
    internal const string LoginPath = "hes-gateway/terminal/initialize/appUserOrInstallerLogin";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CloudToken? _token;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } known)
        {
            return known.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _token ??= await options.TokenStore.LoadAsync(cancellationToken) ?? await LoginCoreAsync(cancellationToken);
            return _token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replaces <paramref name="staleToken"/> with a fresh login, unless another caller already did.</summary>
    public async Task<string> RenewAsync(string staleToken, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } current && current.Token != staleToken)
            {
                return current.Token;
            }

            logger.LogInformation("FranklinWH cloud login expired; logging in again");
            await options.TokenStore.ClearAsync(cancellationToken);
            _token = null;
            _token = await LoginCoreAsync(cancellationToken);
            return _token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Logs in now, whatever is cached, and stores the new token.</summary>
    public async Task<CloudLoginResult> LoginAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _token = await LoginCoreAsync(cancellationToken);
            return new CloudLoginResult(_token.Account, UserId) { CurrentType = CurrentType, UserTypes = UserTypes };
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? UserId { get; set; }
    private int? CurrentType { get; set; }
    private IReadOnlyList<int> UserTypes { get; set; } = [];

    private async Task<CloudToken> LoginCoreAsync(CancellationToken cancellationToken)
    {
        var provider = options.Credentials
            ?? throw new CloudAuthenticationException(CloudErrorCodes.Unauthorized, "FranklinWH cloud: a login is needed but no credentials were given.");
        var credentials = await provider(cancellationToken);
        var form = new Dictionary<string, string>
        {
            ["account"] = credentials.Email,
            ["password"] = CloudPasswordDigest.Compute(credentials.Password),
            ["lang"] = "en_US",
            ["type"] = options.AccountType.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var call = new CloudCall(HttpMethod.Post, LoginPath) { Authenticated = false, Body = () => new FormUrlEncodedContent(form) };
        var envelope = await transport.SendAsync(call, token: null, cancellationToken);
        var result = envelope.Code switch
        {
            CloudErrorCodes.Ok => envelope.Result,
            CloudErrorCodes.BadRequestOrLocked => throw new CloudAccountLockedException(envelope.Message ?? ""),
            _ => throw new CloudAuthenticationException(envelope.Code,
                $"FranklinWH cloud login refused (code {envelope.Code}): {envelope.Message ?? "no reason given"}; check the email and password."),
        };

        if (result.Bool("mfaRequired") == true)
        {
            throw new CloudMfaRequiredException();
        }

        var token = result.String("token");
        if (string.IsNullOrEmpty(token))
        {
            throw new CloudAuthenticationException(envelope.Code, "FranklinWH cloud login answered without a token.");
        }

        UserId = result.String("userId");
        CurrentType = result.Int("currentType");
        UserTypes = [.. result.IntArray("userTypes").OfType<int>()];
        var stored = new CloudToken(credentials.Email, token);
        await options.TokenStore.SaveAsync(stored, cancellationToken);
        logger.LogInformation("Logged in to the FranklinWH cloud");
        return stored;
    }

    public void Dispose() => _gate.Dispose();
}
