using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace EnergyTap.Simulators.Pvs.Varserver;

/// <summary>LocalAPI sessions: a random token per login, valid for a fixed time on the simulated clock.</summary>
internal sealed class SessionStore(TimeProvider time, TimeSpan lifetime)
{
    public const string CookieName = "session";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public int Count => _expiries.Count;

    public string Create()
    {
        var token = RandomNumberGenerator.GetString(Alphabet, 64);
        _expiries[token] = time.GetUtcNow() + lifetime;
        return token;
    }

    public bool IsValid(string? token)
    {
        if (token is null || !_expiries.TryGetValue(token, out var expiry))
        {
            return false;
        }

        if (time.GetUtcNow() < expiry)
        {
            return true;
        }

        _expiries.TryRemove(token, out _);
        return false;
    }

    public void Remove(string? token)
    {
        if (token is not null)
        {
            _expiries.TryRemove(token, out _);
        }
    }

    public void Clear() => _expiries.Clear();
}
