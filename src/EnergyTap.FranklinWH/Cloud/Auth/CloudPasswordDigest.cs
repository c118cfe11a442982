using System.Security.Cryptography;
using System.Text;

namespace EnergyTap.FranklinWH.Cloud.Auth;

/// <summary>The login form carries the password as lowercase hex MD5, as the FranklinWH app sends it.</summary>
public static class CloudPasswordDigest
{
    public static string Compute(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
#pragma warning disable CA5351 // MD5 is what the FranklinWH login protocol expects; it is not our choice of hash.
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(password));
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }
}
