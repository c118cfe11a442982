using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunPower;

namespace EnergyTap.Cli.Commands.Pvs;

/// <summary>The options every `pvs` subcommand that talks to a PVS shares.</summary>
internal sealed class PvsConnectionOptions
{
    public Option<string> Host { get; } = new("--host")
    {
        Description = "The PVS: a host (172.27.153.1 on the installer port LAN1), host:port, or an http(s) URL (a bridge or proxy). "
            + "Without a scheme, dl_cgi is reached over http and the LocalAPI over https, or over plain http when only that answers (a bridge).",
        Required = true,
    };

    public Option<string?> Serial { get; } = new("--serial")
    {
        Description = "The PVS serial (ZT…). Optional: LocalAPI firmware tells its serial without a login, and the password is its last 5 characters.",
    };

    public Option<string?> Password { get; } = new("--password")
    {
        Description = "The LocalAPI password, when it is not the last 5 characters of the serial.",
    };

    public Option<string?> Fingerprint { get; } = new("--fingerprint")
    {
        Description = "SHA-256 fingerprint of the PVS's self-signed TLS certificate to pin (hex). Default: any certificate is accepted.",
    };

    public Option<bool> Json { get; } = CommonOptions.Json();

    public void AddTo(Command command)
    {
        command.Options.Add(Host);
        command.Options.Add(Serial);
        command.Options.Add(Password);
        command.Options.Add(Fingerprint);
        command.Options.Add(Json);
    }

    public async Task<PvsClient> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var host = parse.GetValue(Host)!;
        try
        {
            _ = PvsEndpoint.Parse(host);
        }
        catch (ArgumentException ex)
        {
            throw UsageException.From(ex, "--host");
        }

        return await PvsClient.ConnectAsync(host, new PvsClientOptions
        {
            Serial = parse.GetValue(Serial),
            Password = parse.GetValue(Password),
            CertificateFingerprint = parse.GetValue(Fingerprint),
        }, cancellationToken);
    }
}
