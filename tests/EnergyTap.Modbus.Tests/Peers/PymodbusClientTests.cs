using System.Globalization;
using System.Text.Json;
using EnergyTap.Modbus.Server;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Peers;

/// <summary>A real pymodbus client reads and writes our server, with both framings.</summary>
public sealed class PymodbusClientTests
{
    [Theory]
    [InlineData(ModbusFraming.Tcp, "tcp")]
    [InlineData(ModbusFraming.RtuOverTcp, "rtu")]
    public async Task Pymodbus_client_reads_and_writes_our_server(ModbusFraming framing, string mode)
    {
        var python = ExternalProcess.RequirePythonWithPymodbus();
        await using var server = await TestServer.StartAsync(framing);
        var script = Path.Combine(AppContext.BaseDirectory, "Peers", "pymodbus_client.py");

        var result = await ExternalProcess.RunAsync(python, [script, mode, server.LocalEndpoint.Port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, $"pymodbus client failed: {result.All}");
        using var doc = JsonDocument.Parse(result.StdOut);
        var root = doc.RootElement;
        Assert.Equal([1005, 1006, 1007], root.GetProperty("holding").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([2000, 2001], root.GetProperty("input").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(root.GetProperty("writeSingle").GetBoolean());
        Assert.True(root.GetProperty("writeMultiple").GetBoolean());
        Assert.Equal([1, 2, 3], root.GetProperty("readBack").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, root.GetProperty("pastEndException").GetInt32());
        Assert.Equal(12345, server.Registers[1].Get(ModbusRegisterKind.Holding, 10));
    }
}
