using System.CommandLine;
using System.Net;
using System.Text.RegularExpressions;
using EnergyTap.Modbus;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>
/// --host, --port, --unit and --timeout for every command that talks Modbus TCP (modbus, sunspec, agate, …):
/// one set of options, checks and messages. Commands add their own options beside it.
/// </summary>
internal sealed partial class ModbusEndpoint
{
    /// <summary>Longest --timeout accepted, seconds.</summary>
    private const double MaxTimeoutSeconds = 300;

    private readonly string _device;

    /// <param name="device">What the host is, for "--host is required: the aGate's address".</param>
    public ModbusEndpoint(string hostDescription, bool hostRequired = true, string device = "device")
    {
        Host = new Option<string?>("--host", "-H") { Description = hostDescription, Required = hostRequired };
        _device = device;
    }

    public Option<string?> Host { get; }

    public Option<int> Port { get; } = new("--port", "-p") { Description = "Modbus TCP port.", DefaultValueFactory = _ => 502 };

    public Option<int> Unit { get; } = new("--unit", "-u") { Description = "Modbus unit id; the aGate answers 1 and 2 (the same device).", DefaultValueFactory = _ => 1 };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to wait for each answer (Wi-Fi devices such as the aGate need about 10).",
        DefaultValueFactory = _ => 10,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Host, Port, Unit, Timeout })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The host as given (null when it was optional and left out), checked to be an address or a DNS name.</summary>
    public string? HostOf(ParseResult parse) => parse.GetValue(Host) is { } host ? CheckHost(host) : null;

    public int PortOf(ParseResult parse) => OptionRanges.Port(parse.GetValue(Port));

    public byte UnitOf(ParseResult parse) => OptionRanges.Unit(parse.GetValue(Unit));

    public TimeSpan TimeoutOf(ParseResult parse) => OptionRanges.Seconds(parse.GetValue(Timeout), "--timeout", MaxTimeoutSeconds);

    /// <summary>Client options: <paramref name="host"/> and <paramref name="port"/> when given (from a configuration), else the options'.</summary>
    public ModbusClientOptions ClientOptions(ParseResult parse, string? host = null, int? port = null)
    {
        var wait = TimeoutOf(parse);
        return new ModbusClientOptions
        {
            Host = host is null ? HostOf(parse) ?? throw new UsageException($"--host is required: the {_device}'s address") : CheckHost(host),
            Port = port is { } given ? OptionRanges.Port(given) : PortOf(parse),
            RequestTimeout = wait,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds, 10)),
        };
    }

    /// <summary>Catches a host that can be neither an address nor a DNS name before anything is sent.</summary>
    private static string CheckHost(string address) =>
        IPAddress.TryParse(address, out _) || HostName().IsMatch(address)
            ? address
            : throw new UsageException($"unknown host '{address}': not an IP address or a valid host name");

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$")]
    private static partial Regex HostName();
}
