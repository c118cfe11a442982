using System.Net;
using System.Text.Json;
using EnergyTap.Modbus.Server;
using EnergyTap.SunSpec.Images;

namespace EnergyTap.Cli.Tests;

/// <summary>`energytap sunspec` against a real Modbus TCP server on loopback filled by the SunSpec image builder.</summary>
public sealed class SunSpecCliTests : IAsyncLifetime
{
    private readonly ModbusRegisterBank bank;
    private readonly ModbusTcpServer server;
    private readonly SunSpecImage image;

    public SunSpecCliTests()
    {
        image = new SunSpecImageBuilder()
            .Add(1, new Dictionary<string, object?> { ["Mn"] = "FranklinWH Technologies Co., Ltd", ["Md"] = "aGate X", ["SN"] = "10050012345678" })
            .Add(702, new Dictionary<string, object?> { ["WChaRteMaxRtg"] = 5000 })
            .Add(704, new Dictionary<string, object?> { ["WSetEna"] = 1, ["WSetPct"] = -60, ["WSetPct_SF"] = 0 })
            .Add(714, new Dictionary<string, object?> { ["NPrt"] = 2, ["DCW_SF"] = 0, ["Prt[1].DCW"] = -1500, ["Prt[2].DCW"] = 700, ["Prt[2].PrtTyp"] = "ESS" })
            .AddRaw(64001, [7, 8, 9])
            .Build(0);
        var map = new ModbusRegisterMap();
        bank = map.AddUnit(1);
        bank.Define(ModbusRegisterKind.Holding, 0, image.Registers);
        server = new ModbusTcpServer(map, new ModbusServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
    }

    private string Port => server.LocalEndpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Task InitializeAsync() => server.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Scan_json_lists_every_model_with_address_length_scaled_points_and_groups()
    {
        var result = await CliProcess.RunAsync("sunspec", "scan", "--host", "127.0.0.1", "--port", Port, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(0, json.RootElement.GetProperty("base").GetInt32());
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal([1, 702, 704, 714, 64001], models.Select(m => m.GetProperty("id").GetInt32()));
        var m704 = models[2];
        Assert.Equal(image.Map.Find(704)!.Address, m704.GetProperty("address").GetInt32());
        Assert.Equal(65, m704.GetProperty("length").GetInt32());
        Assert.Equal(-60.0, m704.GetProperty("points").GetProperty("WSetPct").GetDouble());
        Assert.Equal(1, m704.GetProperty("points").GetProperty("WSetEna").GetInt32());
        Assert.Equal(JsonValueKind.Null, m704.GetProperty("points").GetProperty("WSet").ValueKind);
        var ports = models[3].GetProperty("groups").GetProperty("Prt").EnumerateArray().ToList();
        Assert.Equal([-1500.0, 700.0], ports.Select(p => p.GetProperty("DCW").GetDouble()));
        Assert.Equal([7, 8, 9], models[4].GetProperty("raw").EnumerateArray().Select(r => r.GetInt32()));
    }

    [Fact]
    public async Task Scan_prints_a_table_per_model()
    {
        var result = await CliProcess.RunAsync("sunspec", "scan", "--host", "127.0.0.1", "--port", Port, "--base", "0");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Model 704 DERCtlAC @ {image.Map.Find(704)!.Address}, L=65", result.StdOut);
        Assert.Contains("Prt[2].DCW", result.StdOut);
        Assert.Contains("aGate X", result.StdOut);
    }

    [Fact]
    public async Task Read_prints_points_by_name_in_human_units()
    {
        var result = await CliProcess.RunAsync("sunspec", "read", "--host", "127.0.0.1", "--port", Port, "--json", "704.WSetPct", "714.Prt[2].PrtTyp", "1.SN");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var points = json.RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(-60.0, points[0].GetProperty("value").GetDouble());
        Assert.Equal("ESS", points[1].GetProperty("symbol").GetString());
        Assert.Equal("10050012345678", points[2].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Write_verifies_and_exits_zero_when_the_device_kept_every_value()
    {
        var result = await CliProcess.RunAsync("sunspec", "write", "--host", "127.0.0.1", "--port", Port, "704.WSetEna=DISABLED", "704.WSetPct=25", "704.WSetEna=ENABLED");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("verified", result.StdOut);
        Assert.Equal(25, bank.Get(ModbusRegisterKind.Holding, (ushort)image.Locate("704.WSetPct").Address));
    }

    [Fact]
    public async Task Write_exits_non_zero_when_the_device_discards_a_value()
    {
        var wrmp = (ushort)image.Locate("704.WRmp").Address;
        bank.AddWriteHook(request => request.Covers(wrmp) ? ModbusWriteDecision.Discard : ModbusWriteDecision.Accept);

        var result = await CliProcess.RunAsync("sunspec", "write", "--host", "127.0.0.1", "--port", Port, "--json", "704.WRmp=10");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.False(json.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal("discarded", json.RootElement.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Contains("704.WRmp silently discarded", result.StdErr);
    }

    [Theory]
    [InlineData("714.Prt[3].DCW", "index 3 is out of range")]
    [InlineData("704.Nope", "no point 'Nope'")]
    public async Task Bad_point_names_are_one_line_errors(string point, string message)
    {
        var result = await CliProcess.RunAsync("sunspec", "read", "--host", "127.0.0.1", "--port", Port, point);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.StdErr);
        Assert.Single(result.StdErr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_point_of_a_model_without_definition_names_the_models_option()
    {
        var result = await CliProcess.RunAsync("sunspec", "read", "--host", "127.0.0.1", "--port", Port, "64001.X");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("energytap: error: 64001.X: model 64001 is not in the catalog, so its points have no names (load its model_64001.json with --models)",
            result.StdErr.Trim());
    }

    [Fact]
    public async Task A_unit_nobody_answers_as_is_named_as_such_not_as_a_missing_marker()
    {
        var result = await CliProcess.RunAsync("sunspec", "scan", "--host", "127.0.0.1", "--port", Port, "--unit", "7");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no device answers as unit 7 (the gateway answered exception 11", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("marker", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_range_values_and_bad_arguments_are_refused()
    {
        var range = await CliProcess.RunAsync("sunspec", "write", "--host", "127.0.0.1", "--port", Port, "704.WSetPct=40000");
        var syntax = await CliProcess.RunAsync("sunspec", "write", "--host", "127.0.0.1", "--port", Port, "704.WSetPct");
        var baseArg = await CliProcess.RunAsync("sunspec", "scan", "--host", "127.0.0.1", "--port", Port, "--base", "forty");

        Assert.Equal((1, true), (range.ExitCode, range.StdErr.Contains("40000 Pct is outside what it can hold, -32767..32767 Pct (int16, scale factor 0)", StringComparison.Ordinal)));
        Assert.Equal(2, syntax.ExitCode);
        Assert.Equal(2, baseArg.ExitCode);
        Assert.Equal(-60, (short)bank.Get(ModbusRegisterKind.Holding, (ushort)image.Locate("704.WSetPct").Address));
    }

    [Fact]
    public async Task Invalid_model_file_names_file_and_path()
    {
        var directory = Directory.CreateTempSubdirectory("energytap-cli-models-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "model_64001.json"), """{"id": 64001, "group": {"name": "v", "type": "grp"}}""");

            var result = await CliProcess.RunAsync("sunspec", "scan", "--host", "127.0.0.1", "--port", Port, "--models", directory);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("model_64001.json: $.group.type: 'grp' is not a group type", result.StdErr);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Nothing_listening_is_a_one_line_error()
    {
        var result = await CliProcess.RunAsync("sunspec", "scan", "--host", "127.0.0.1", "--port", "1", "--timeout", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("energytap: error:", result.StdErr);
        Assert.Single(result.StdErr.Trim().Split('\n'));
    }
}
