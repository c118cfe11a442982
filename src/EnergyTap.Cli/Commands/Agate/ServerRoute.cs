using System.CommandLine;
using System.Net;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Server.Api;
using EnergyTap.Server.Configuration;

namespace EnergyTap.Cli.Commands.Agate;

/// <summary>A battery on a running EnergyTap server: commands go to its supervisor instead of to the aGate.</summary>
internal sealed record ServerTarget(ControlClient Client, string Site, string Device, TimeSpan MaxDuration, bool HadToken) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>
/// Decides where a battery command goes. When `energytap serve` commands this aGate, a second writer would
/// fight its supervisor, so the command goes through the server's API; otherwise straight to the aGate.
/// </summary>
internal sealed class ServerRoute
{
    /// <summary>The same variable that overrides server.controlToken in the configuration.</summary>
    public const string TokenVariable = "ENERGYTAP_Server__ControlToken";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly Option<string?> config = ConfigCommands.ConfigOption();
    private readonly Option<string?> server = new("--server")
    {
        Description = "Send the command through the EnergyTap server at this URL (e.g. http://127.0.0.1:8080/). Without it, a server is used "
            + "when the configuration lists this aGate (--host/--port) and its server.listen answers. Token: server.controlToken or $" + TokenVariable + ".",
    };
    private readonly Option<string?> token = TokenOption();
    private readonly Option<string?> battery = new("--battery") { Description = "SITE/DEVICE of the battery on the server, when it commands more than one." };
    private readonly Option<bool> direct = new("--direct")
    {
        Description = "Talk Modbus to the aGate even if a server commands it (its supervisor will not know about this command).",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { config, server, token, battery, direct })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The server battery to command, or null to talk to the aGate directly. Only a server that is not
    /// running (connection refused) lets the CLI go direct; a slow or failing one is an error.
    /// </summary>
    public async Task<ServerTarget?> ResolveAsync(ParseResult parse, string? host, int port, CancellationToken cancellationToken)
    {
        var url = parse.GetValue(server);
        if (parse.GetValue(direct))
        {
            return url is null ? null : throw new UsageException("--direct and --server contradict each other; choose one");
        }

        var settings = LoadConfig(parse.GetValue(config));
        var configured = settings?.Sites
            .SelectMany(s => s.Agates.Where(a => string.Equals(a.Host, host, StringComparison.OrdinalIgnoreCase) && a.Port == port).Select(a => $"{s.Id}/{a.Id}"))
            .FirstOrDefault();
        var bearer = Token(parse.GetValue(token), settings);

        if (url is not null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--server must be an http:// or https:// URL such as http://127.0.0.1:8080/ (got '{url}')");
            }

            var client = new ControlClient(WithSlash(parsed), bearer, RequestTimeout);
            return await TargetAsync(client, parse.GetValue(battery) ?? configured, bearer is not null, cancellationToken);
        }

        if (configured is null)
        {
            return parse.GetValue(battery) is null ? null : throw new UsageException("--battery names a battery on a server: add --server URL");
        }

        var listen = ListenUrl(settings!.Server.Listen);
        using (var probe = new ControlClient(listen, bearer, ProbeTimeout))
        {
            try
            {
                await probe.GetStateAsync(cancellationToken);
            }
            catch (ControlClientException ex) when (ex.Refused)
            {
                Console.Error.WriteLine($"energytap: note: the configuration lists this aGate as {configured}, but no EnergyTap server answered at {listen}; talking to the aGate directly");
                return null;
            }
        }

        return await TargetAsync(new ControlClient(listen, bearer, RequestTimeout), configured, bearer is not null, cancellationToken);
    }

    private static async Task<ServerTarget> TargetAsync(ControlClient client, string? wanted, bool hadToken, CancellationToken cancellationToken)
    {
        try
        {
            var state = await client.GetStateAsync(cancellationToken);
            var key = wanted ?? (state.Batteries.Count == 1
                ? state.Batteries[0]
                : throw new UsageException(state.Batteries.Count == 0
                    ? $"the EnergyTap server at {client.Server} commands no battery"
                    : $"the EnergyTap server at {client.Server} commands {string.Join(", ", state.Batteries)}; choose one with --battery SITE/DEVICE"));
            if (!state.Batteries.Contains(key, StringComparer.Ordinal))
            {
                throw new UsageException($"the EnergyTap server at {client.Server} does not command {key} (it has: {(state.Batteries.Count == 0 ? "none" : string.Join(", ", state.Batteries))})");
            }

            if (!state.Enabled)
            {
                throw new UsageException($"battery control is disabled on the EnergyTap server at {client.Server}: set server.controlToken in its configuration");
            }

            var slash = key.IndexOf('/', StringComparison.Ordinal);
            return new ServerTarget(client, key[..slash], key[(slash + 1)..], TimeSpan.FromSeconds(state.MaxDurationSeconds), hadToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>--token, for a server reached by URL without its configuration (the demo prints it).</summary>
    public static Option<string?> TokenOption() => new("--token")
    {
        Description = $"The server's control token (server.controlToken). Default: the configuration's, else ${TokenVariable}.",
    };

    /// <summary>--token first, then the configuration's server.controlToken, then the environment variable.</summary>
    public static string? Token(string? given, EnergyTapConfig? settings) =>
        given is { Length: > 0 } ? given
        : settings?.Server.ControlToken is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable(TokenVariable);

    /// <summary>
    /// A server that refused for want of a (valid) token: one line that says how to pass it, instead of the bare refusal.
    /// </summary>
    public static async Task<T> WithTokenHintAsync<T>(ServerTarget target, Func<ControlClient, Task<T>> call)
    {
        try
        {
            return await call(target.Client);
        }
        catch (ControlClientException ex) when (ex.Status == HttpStatusCode.Unauthorized)
        {
            var hint = target.HadToken
                ? $"; the token given is not this server's: check --token, ${TokenVariable} or server.controlToken"
                : $"; pass it with --token TOKEN or set {TokenVariable} (the server's server.controlToken; 'energytap demo' prints it)";
            throw new ControlClientException(ex.Message + hint, ex.Status);
        }
    }

    /// <summary>An explicit --config must exist; the default file is used only when present.</summary>
    public static EnergyTapConfig? LoadConfig(string? path) =>
        path is not null || File.Exists(ConfigFile.DefaultPath) ? ConfigFile.Load(path) : null;

    /// <summary>A server listening on every address is reached on loopback.</summary>
    public static Uri ListenUrl(string listen)
    {
        var endpoint = IPEndPoint.Parse(listen);
        var address = endpoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : endpoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : endpoint.Address;
        return new UriBuilder(Uri.UriSchemeHttp, address.ToString(), endpoint.Port, "/").Uri;
    }

    public static Uri WithSlash(Uri url) => url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
}
