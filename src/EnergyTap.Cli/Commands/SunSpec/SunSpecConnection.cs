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
    private readonly ModbusEndpoint endpoint = new("Device address (IP or name), e.g. the aGate at 172.27.153.1.");
    private readonly Option<string> baseAddress = new("--base")
    {
        Description = "PDU address (0-based) of the \"SunS\" marker: auto tries 40000, 0, 50000 in that order. "
            + "Register 40001 (\"base 40001\" in some tools) is PDU 40000; the aGate's \"base 1\" is PDU 0.",
        DefaultValueFactory = _ => "auto",
    };
    private readonly Option<string?> models = new("--models") { Description = "Directory of official SunSpec model_<id>.json files that add to or replace the built-in models." };

    public void AddTo(Command command)
    {
        endpoint.AddTo(command);
        command.Options.Add(baseAddress);
        command.Options.Add(models);
    }

    /// <summary>Connects, finds the SunSpec map and returns the device with everything the scan read.</summary>
    public async Task<(ModbusTcpClient Client, SunSpecDevice Device)> ScanAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = ScanOptions(parse);
        var client = new ModbusTcpClient(endpoint.ClientOptions(parse));
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
        var unitId = endpoint.UnitOf(parse);

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
