using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EnergyTap.SunPower;

/// <summary>
/// The PVS uses a self-signed certificate, so chain validation cannot succeed. Without a pin any certificate
/// is accepted (what every PVS client does); with a SHA-256 fingerprint pin only that certificate is.
/// </summary>
public static class PvsTlsValidation
{
    public static RemoteCertificateValidationCallback Create(string? sha256Fingerprint)
    {
        var pin = Normalize(sha256Fingerprint);
        return (_, certificate, _, _) =>
            pin is null || (certificate is not null && string.Equals(Fingerprint(certificate), pin, StringComparison.Ordinal));
    }

    /// <summary>Upper-case hex SHA-256 of the DER certificate, no separators.</summary>
    public static string Fingerprint(X509Certificate certificate) => Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));

    private static string? Normalize(string? fingerprint) =>
        string.IsNullOrWhiteSpace(fingerprint)
            ? null
            : new string(fingerprint.Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();
}
