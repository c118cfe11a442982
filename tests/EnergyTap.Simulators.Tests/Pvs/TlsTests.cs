using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Tests.Pvs;

public class TlsTests
{
    [Fact]
    public async Task Https_serves_a_self_signed_certificate_whose_fingerprint_is_exposed()
    {
        await using var simulator = new PvsSimulator(new PvsSimulatorOptions { Tls = true, Firmware = PvsFirmware.Varserver, Inverters = 1 });
        var url = await simulator.StartAsync();
        string? seen = null;
        SslPolicyErrors errors = SslPolicyErrors.None;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, policyErrors) =>
            {
                seen = Convert.ToHexStringLower(SHA256.HashData(certificate!.RawData));
                errors = policyErrors;
                return true;
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = url };

        using var response = await http.GetAsync("cgi-bin/dl_cgi/supervisor/info");

        Assert.Equal("https", url.Scheme);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(64, simulator.CertificateSha256!.Length);
        Assert.Equal(simulator.CertificateSha256, seen);
        Assert.True(errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors), "the certificate is self-signed, so a default client must reject it");
    }

    [Fact]
    public async Task A_client_with_default_validation_refuses_the_simulator()
    {
        await using var simulator = new PvsSimulator(new PvsSimulatorOptions { Tls = true, Inverters = 1 });
        var url = await simulator.StartAsync();
        using var http = new HttpClient { BaseAddress = url };

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("cgi-bin/dl_cgi/supervisor/info"));
    }
}
