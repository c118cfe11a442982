using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.FranklinWH.Agate.Revert;
using EnergyTap.Server.Api;
using EnergyTap.Server.Configuration;

namespace EnergyTap.Cli.Commands.Agate;

/// <summary>The aGate a read-only command reads: --host, or the one the configuration lists; and the server that may command it.</summary>
internal sealed record LocatedAgate(string? Host, int? Port, int? Unit, string? Battery, Uri? Server);

/// <summary>A command a running EnergyTap server holds on this aGate, as its API reports it.</summary>
internal sealed record ServerHeldCommand(Uri Server, RemoteCommand Command)
{
    /// <summary>The same concept as the shared command record, for the health rules and the status view.</summary>
    public ActiveCommandRecord AsRecord(string deviceKey) => new(
        deviceKey,
        new BatteryCommand(Command.Kind, (int)Math.Round(Command.Watts)),
        0,
        Command.IssuedAt,
        Command.Deadline,
        0,
        $"the EnergyTap server at {Server}, command {Command.Id} from {Command.Actor}");
}

/// <summary>
/// --config, --battery and --server for `agate status` and `agate health`: which aGate to read when --host is not
/// given, and which running server to ask about the command it holds there (GET /api/control needs no token).
/// </summary>
internal sealed class AgateLocator
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private readonly Option<string?> config = ConfigCommands.ConfigOption();
    private readonly Option<string?> server = new("--server")
    {
        Description = "Also ask the EnergyTap server at this URL which command it holds on this aGate. Without it, the server of the "
            + "configuration is asked when the configuration lists this aGate.",
    };
    private readonly Option<string?> battery = new("--battery") { Description = "SITE/DEVICE: the aGate of the configuration (or of --server) to read, when there are several." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { config, server, battery })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Where the aGate is: --host as given, else the configuration's only aGate (or the one --battery names).</summary>
    public LocatedAgate Locate(ParseResult parse, string? host, int port)
    {
        var settings = ServerRoute.LoadConfig(parse.GetValue(config));
        var wanted = parse.GetValue(battery);
        var url = ServerUrl(parse.GetValue(server));
        var agates = settings?.Sites.SelectMany(s => s.Agates.Select(a => (Key: $"{s.Id}/{a.Id}", Agate: a))).ToList() ?? [];
        if (host is not null)
        {
            var listed = agates.FirstOrDefault(a => string.Equals(a.Agate.Host, host, StringComparison.OrdinalIgnoreCase) && a.Agate.Port == port).Key;
            var key = wanted ?? listed;
            return new LocatedAgate(null, null, null, key, url ?? (listed is null ? null : ServerRoute.ListenUrl(settings!.Server.Listen)));
        }

        if (settings is null)
        {
            if (wanted is not null)
            {
                throw new UsageException("--battery picks an aGate of the configuration: add --config FILE, or give --host");
            }

            throw new UsageException("--host is required: the aGate's address (or --config FILE to use the aGate the configuration lists)");
        }

        var chosen = wanted is null ? agates : agates.Where(a => a.Key == wanted).ToList();
        return chosen.Count switch
        {
            1 => new LocatedAgate(chosen[0].Agate.Host, chosen[0].Agate.Port, chosen[0].Agate.Unit, chosen[0].Key, url ?? ServerRoute.ListenUrl(settings.Server.Listen)),
            0 when wanted is not null => throw new UsageException($"the configuration lists no aGate {wanted} (it has: {Names(agates)}); choose one with --battery SITE/DEVICE"),
            0 => throw new UsageException("the configuration lists no aGate; give its address with --host"),
            _ => throw new UsageException($"the configuration lists {chosen.Count} aGates ({Names(agates)}); choose one with --battery SITE/DEVICE"),
        };
    }

    /// <summary>
    /// What the server holds on this aGate, or null: no server named, none running there, or no command. A server
    /// that answers badly is only a note, because the registers are read anyway.
    /// </summary>
    public static async Task<ServerHeldCommand?> AskServerAsync(LocatedAgate located, CancellationToken cancellationToken)
    {
        if (located.Server is not { } url)
        {
            return null;
        }

        using var client = new ControlClient(url, null, ProbeTimeout);
        try
        {
            var state = await client.GetStateAsync(cancellationToken);
            var key = located.Battery ?? (state.Batteries.Count == 1 ? state.Batteries[0] : null);
            var held = state.Active.FirstOrDefault(c => $"{c.Site}/{c.Device}" == key);
            return held is null ? null : new ServerHeldCommand(url, held);
        }
        catch (ControlClientException ex) when (ex.Refused)
        {
            return null;
        }
        catch (ControlClientException ex)
        {
            Console.Error.WriteLine($"energytap: note: could not ask the EnergyTap server about its commands: {ex.Message}");
            return null;
        }
    }

    private static Uri? ServerUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
            ? ServerRoute.WithSlash(parsed)
            : throw new UsageException($"--server must be an http:// or https:// URL such as http://127.0.0.1:8080/ (got '{url}')");
    }

    private static string Names(IEnumerable<(string Key, AgateConfig Agate)> agates) =>
        string.Join(", ", agates.Select(a => $"{a.Key} at {a.Agate.Host}:{a.Agate.Port}"));
}
