using System.Globalization;
using System.Net;
using System.Text.Json;
using EnergyTap.Modbus;
using EnergyTap.Modbus.Server;

namespace EnergyTap.Cli.Tests;

/// <summary>`energytap modbus read|write` end to end against our own Modbus server on a free loopback port.</summary>
public sealed class ModbusCliTests : IAsyncLifetime
{
    private ModbusTcpServer server = null!;

    private ModbusRegisterBank Bank => server.Registers[1];

    private string Port => server.LocalEndpoint.Port.ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync() => server = await StartServerAsync(ModbusFraming.Tcp);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Read_prints_a_table_with_address_value_and_hex()
    {
        var result = await CliProcess.RunAsync("modbus", "read", "--host", "127.0.0.1", "--port", Port, "4", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"│\s*4\s*│\s*5\s*│\s*1004\s*│\s*0x03EC\s*│", result.StdOut);
        Assert.Matches(@"│\s*5\s*│\s*6\s*│\s*1005\s*│\s*0x03ED\s*│", result.StdOut);
    }

    [Fact]
    public async Task Read_json_is_one_document_with_every_register()
    {
        Bank.Set(ModbusRegisterKind.Input, 1, 0xFFFF);

        var result = await CliProcess.RunAsync("modbus", "read", "--host", "127.0.0.1", "--port", Port, "--input", "--format", "signed", "--json", "0", "2");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdOut);
        var registers = doc.RootElement.GetProperty("registers");
        Assert.Equal("input", doc.RootElement.GetProperty("table").GetString());
        Assert.Equal(2000, registers[0].GetProperty("value").GetInt32());
        Assert.Equal(-1, registers[1].GetProperty("value").GetInt32());
        Assert.Equal(65535, registers[1].GetProperty("unsigned").GetInt32());
        Assert.Equal("0xFFFF", registers[1].GetProperty("hex").GetString());
    }

    [Fact]
    public async Task One_based_register_numbers_are_one_above_pdu_addresses()
    {
        var result = await CliProcess.RunAsync("modbus", "read", "--host", "127.0.0.1", "--port", Port, "--one-based", "--json", "1");

        using var doc = JsonDocument.Parse(result.StdOut);
        var register = doc.RootElement.GetProperty("registers")[0];
        Assert.Equal(0, register.GetProperty("address").GetInt32());
        Assert.Equal(1000, register.GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Write_one_and_several_values_then_verify()
    {
        var single = await CliProcess.RunAsync("modbus", "write", "--host", "127.0.0.1", "--port", Port, "10", "0xBEEF");
        var several = await CliProcess.RunAsync("modbus", "write", "--host", "127.0.0.1", "--port", Port, "--json", "20", "--", "-1", "2", "3");

        Assert.Equal(0, single.ExitCode);
        Assert.Equal(0, several.ExitCode);
        Assert.Equal(0xBEEF, Bank.Get(ModbusRegisterKind.Holding, 10));
        Assert.Equal([0xFFFF, 2, 3], Bank.Get(ModbusRegisterKind.Holding, 20, 3));
        using var doc = JsonDocument.Parse(several.StdOut);
        Assert.Equal(16, doc.RootElement.GetProperty("functionCode").GetInt32());
        Assert.Equal(0, doc.RootElement.GetProperty("mismatches").GetInt32());
    }

    [Fact]
    public async Task Write_that_the_device_discards_is_reported_with_a_failing_exit_code()
    {
        Bank.AddWriteHook(w => w.Covers(30) ? ModbusWriteDecision.Discard : ModbusWriteDecision.Accept);

        var result = await CliProcess.RunAsync("modbus", "write", "--host", "127.0.0.1", "--port", Port, "30", "7");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MISMATCH", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("1 of 1 register(s) read back differently", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_response_is_one_line_with_the_code_name()
    {
        var result = await CliProcess.RunAsync("modbus", "read", "--host", "127.0.0.1", "--port", Port, "98", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.Contains("exception 2 (ILLEGAL DATA ADDRESS)", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silent_device_is_a_timeout_line()
    {
        await using var silent = await StartServerAsync(ModbusFraming.Tcp, ModbusUnknownUnitResponse.Ignore);

        var result = await CliProcess.RunAsync("modbus", "read", "--host", "127.0.0.1", "--port", silent.LocalEndpoint.Port.ToString(CultureInfo.InvariantCulture), "--unit", "9", "--timeout", "0.2", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no answer from 127.0.0.1", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("within 200 ms", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_connection_is_one_clear_line()
    {
        var port = FreePort();

        var result = await CliProcess.RunAsync("modbus", "read", "--host", "127.0.0.1", "--port", port, "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"energytap: error: cannot connect to 127.0.0.1:{port}: Connection refused", result.StdErr.Trim());
    }

    [Fact]
    public async Task Rtu_framing_talks_to_an_rtu_over_tcp_server()
    {
        await using var rtu = await StartServerAsync(ModbusFraming.RtuOverTcp);

        var result = await CliProcess.RunAsync("modbus", "read", "--host", "127.0.0.1", "--port", rtu.LocalEndpoint.Port.ToString(CultureInfo.InvariantCulture), "--framing", "rtu", "--json", "7");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdOut);
        Assert.Equal(1007, doc.RootElement.GetProperty("registers")[0].GetProperty("value").GetInt32());
    }

    [Theory]
    [InlineData("0", "200")]
    [InlineData("65535", "2")]
    [InlineData("--one-based", "0")]
    [InlineData("zero")]
    public async Task Impossible_addresses_and_counts_are_usage_errors(params string[] args)
    {
        var result = await CliProcess.RunAsync(["modbus", "read", "--host", "127.0.0.1", "--port", Port, .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Help_explains_both_address_conventions()
    {
        var result = await CliProcess.RunAsync("modbus", "read", "--help");

        Assert.Contains("0-based PDU address", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("--one-based", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("1-based register number", result.StdOut, StringComparison.Ordinal);
    }

    private static async Task<ModbusTcpServer> StartServerAsync(ModbusFraming framing, ModbusUnknownUnitResponse unknownUnits = ModbusUnknownUnitResponse.GatewayTargetFailedToRespond)
    {
        var map = new ModbusRegisterMap();
        var bank = map.AddUnit(1);
        bank.Define(ModbusRegisterKind.Holding, 0, Enumerable.Range(0, 100).Select(i => (ushort)(1000 + i)).ToArray());
        bank.Define(ModbusRegisterKind.Input, 0, Enumerable.Range(0, 10).Select(i => (ushort)(2000 + i)).ToArray());
        var server = new ModbusTcpServer(map, new ModbusServerOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Framing = framing,
            UnknownUnitResponse = unknownUnits,
        });
        await server.StartAsync();
        return server;
    }

    private static string FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
