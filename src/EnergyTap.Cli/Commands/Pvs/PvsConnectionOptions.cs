using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunPower;
using EnergyTap.SunPower.Politeness;

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

    public Option<bool> Direct { get; } = new("--direct")
    {
        Description = "Read the PVS itself even when the configuration's EnergyTap proxy for it is running (by default its cache answers).",
    };

    /// <summary>Only on the commands that read DeviceList (or live data); see <see cref="AddTo"/>.</summary>
    public Option<bool> Fresh { get; } = new("--fresh")
    {
        Description = "Ask the PVS for a new DeviceList even if another EnergyTap process read one moments ago. Still polite: "
            + "it waits until a minute has passed since the last DeviceList (and says so) rather than knocking the PVS over.",
    };

    public void AddTo(Command command, bool fresh = false)
    {
        command.Options.Add(Host);
        command.Options.Add(Serial);
        command.Options.Add(Password);
        command.Options.Add(Fingerprint);
        command.Options.Add(Direct);
        if (fresh)
        {
            command.Options.Add(Fresh);
        }

        command.Options.Add(Json);
    }

    /// <summary>
    /// Connects through the configuration's running EnergyTap proxy for this PVS when there is one, else to the PVS
    /// with the politeness shared by every EnergyTap process of this user (one request at a time, the pauses and
    /// backoff, the last DeviceList answer; see <see cref="StateDirectory.Pvs"/>).
    /// </summary>
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

        if (!parse.GetValue(Direct) && await PvsServiceRoute.FindProxyAsync(host, cancellationToken) is { } proxy)
        {
            Console.Error.WriteLine($"energytap: note: reading through the running EnergyTap proxy for this PVS at {proxy} (its cache answers{(parse.GetValue(Fresh) ? "; --fresh needs --direct" : "")}; --direct reads the PVS itself)");
            host = proxy.ToString();
        }

        return await PvsClient.ConnectAsync(host, new PvsClientOptions
        {
            Serial = parse.GetValue(Serial),
            Password = parse.GetValue(Password),
            CertificateFingerprint = parse.GetValue(Fingerprint),
            SharedCache = new PvsSharedCache(StateDirectory.Pvs),
            Waiting = message => Console.Error.WriteLine($"energytap: {message}"),
        }, cancellationToken);
    }
}
