using System.Collections.Concurrent;
using System.Security.Cryptography;
using EnergyTap.FranklinWH.Cloud.Auth;

namespace EnergyTap.Simulators.Cloud;

/// <summary>Accounts, tokens, gateways, knobs and counters behind the simulated endpoints. One lock guards it all.</summary>
internal sealed class CloudSimulatorState
{
    private readonly Dictionary<string, AccountState> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly Queue<ForcedError> _forcedErrors = new();
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public CloudSimulatorState(CloudSimulatorOptions options)
    {
        Options = options;
        var index = 0;
        foreach (var account in options.Accounts)
        {
            var gateways = account.Gateways.Select(g => new GatewayState(g, 4000 + (97 * ++index) + options.Seed)).ToList();
            _accounts[account.Email] = new AccountState(account, gateways);
        }
    }

    public CloudSimulatorOptions Options { get; }
    public Lock Sync { get; } = new();
    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();
    public IReadOnlyDictionary<string, long> Counts => _counts;

    public void Count(string endpoint) => _counts.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    public AccountState? Account(string email) => _accounts.GetValueOrDefault(email);

    public GatewayState? FindGateway(string id) =>
        _accounts.Values.SelectMany(a => a.Gateways).FirstOrDefault(g => string.Equals(g.Id, id, StringComparison.Ordinal));

    public string Issue(AccountState account)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tokens[token] = new IssuedToken(account, Now);
        return token;
    }

    public IssuedToken? Token(string? value) => value is not null && _tokens.TryGetValue(value, out var t) ? t : null;

    public bool IsExpired(IssuedToken token) => token.Revoked || Now - token.IssuedAt >= Options.TokenLifetime;

    public void ExpireAllTokens()
    {
        foreach (var token in _tokens.Values)
        {
            token.Revoked = true;
        }
    }

    public void Force(ForcedError error) => _forcedErrors.Enqueue(error);

    /// <summary>The next forced error that applies to this gateway, consumed.</summary>
    public int? TakeForcedError(string gatewayId)
    {
        if (_forcedErrors.TryPeek(out var next) && (next.GatewayId is null || string.Equals(next.GatewayId, gatewayId, StringComparison.Ordinal)))
        {
            _forcedErrors.Dequeue();
            return next.Code;
        }

        return null;
    }

    public static bool PasswordMatches(SimulatedAccount account, string? digest) =>
        string.Equals(CloudPasswordDigest.Compute(account.Password), digest, StringComparison.Ordinal);
}

internal sealed class AccountState(SimulatedAccount definition, IReadOnlyList<GatewayState> gateways)
{
    public SimulatedAccount Definition { get; } = definition;
    public IReadOnlyList<GatewayState> Gateways { get; } = gateways;
    public int FailedLogins { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

internal sealed class IssuedToken(AccountState account, DateTimeOffset issuedAt)
{
    public AccountState Account { get; } = account;
    public DateTimeOffset IssuedAt { get; } = issuedAt;
    public bool Revoked { get; set; }
}

internal sealed record ForcedError(int Code, string? GatewayId);
