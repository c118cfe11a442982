using System.CommandLine;
using System.Globalization;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Modbus;
using EnergyTap.SunSpec;
using EnergyTap.SunSpec.Catalog;
using EnergyTap.SunSpec.Discovery;

namespace EnergyTap.Cli.Commands.SunSpec;

/// <summary>The connection options every sunspec command shares, and the scan they all start with.</summary>
internal sealed class SunSpecConnection
{
    private readonly Option<string> host = new("--host") { Description = "Device address (IP or name), e.g. the aGate at 172.27.153.1.", Required = true };
    private readonly Option<int> port = new("--port") { Description = "Modbus TCP port.", DefaultValueFactory = _ => 502 };
    private readonly Option<int> unit = new("--unit") { Description = "Modbus unit id (the aGate answers 1 and 2).", DefaultValueFactory = _ => 1 };
    private readonly Option<string> baseAddress = new("--base")
    {
        Description = "PDU address (0-based) of the \"SunS\" marker: auto tries 40000, 0, 50000 in that order. "
            + "Register 40001 (\"base 40001\" in some tools) is PDU 40000; the aGate's \"base 1\" is PDU 0.",
        DefaultValueFactory = _ => "auto",
    };
    private readonly Option<double> timeout = new("--timeout") { Description = "Seconds to wait for each answer (Wi-Fi devices need about 10).", DefaultValueFactory = _ => 10 };
    private readonly Option<string?> models = new("--models") { Description = "Directory of official SunSpec model_<id>.json files that add to or replace the built-in models." };

    public void AddTo(Command command)
    {
        command.Options.Add(host);
        command.Options.Add(port);
        command.Options.Add(unit);
        command.Options.Add(baseAddress);
        command.Options.Add(timeout);
        command.Options.Add(models);
    }

    /// <summary>Connects, finds the SunSpec map and returns the device with everything the scan read.</summary>
    public async Task<(ModbusTcpClient Client, SunSpecDevice Device)> ScanAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = ScanOptions(parse);
        var wait = OptionRanges.Seconds(parse.GetValue(timeout), "--timeout", 300);
        var portNumber = OptionRanges.Port(parse.GetValue(port));

        var client = new ModbusTcpClient(new ModbusClientOptions
        {
            Host = parse.GetValue(host)!,
            Port = portNumber,
            RequestTimeout = wait,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds, 10)),
        });
        try
        {
            return (client, await SunSpecScanner.ScanAsync(client, options, cancellationToken));
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private SunSpecScanOptions ScanOptions(ParseResult parse)
    {
        var unitId = OptionRanges.Unit(parse.GetValue(unit));

        var text = parse.GetValue(baseAddress) ?? "auto";
        int? start = null;
        if (!string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > 65534)
            {
                throw new UsageException($"--base must be auto or a PDU address 0..65534 (e.g. 0, 40000, 50000), not '{text}'");
            }

            start = parsed;
        }

        var catalog = parse.GetValue(models) is string directory ? ModelCatalog.Builtin.WithModelsFrom(directory) : ModelCatalog.Builtin;
        return new SunSpecScanOptions { UnitId = unitId, BaseAddress = start, Catalog = catalog };
    }
}
