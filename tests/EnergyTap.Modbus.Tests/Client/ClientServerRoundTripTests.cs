using EnergyTap.Modbus.Server;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Client;

public sealed class ClientServerRoundTripTests
{
    [Theory]
    [InlineData(ModbusFraming.Tcp)]
    [InlineData(ModbusFraming.RtuOverTcp)]
    public async Task Reads_and_writes_every_function(ModbusFraming framing)
    {
        await using var server = await TestServer.StartAsync(framing);
        await using var client = TestServer.ClientFor(server.LocalEndpoint, framing);

        Assert.Equal([1005, 1006, 1007], await client.ReadHoldingRegistersAsync(1, 5, 3));
        Assert.Equal([2000, 2001], await client.ReadInputRegistersAsync(1, 0, 2));

        await client.WriteSingleRegisterAsync(1, 10, 0xBEEF);
        await client.WriteMultipleRegistersAsync(1, 20, new ushort[] { 1, 2, 3 });
        Assert.Equal(0xBEEF, server.Registers[1].Get(ModbusRegisterKind.Holding, 10));
        Assert.Equal([1, 2, 3], server.Registers[1].Get(ModbusRegisterKind.Holding, 20, 3));

        var readBack = await client.ReadWriteMultipleRegistersAsync(1, 30, 2, 30, new ushort[] { 7, 8 });
        Assert.Equal([7, 8], readBack);
        Assert.Equal(5, client.Statistics.RoundTrips);
        Assert.Equal(1, client.Statistics.Connects);
    }

    [Fact]
    public async Task Reads_the_full_125_registers()
    {
        var map = new ModbusRegisterMap();
        map.AddUnit(1).Define(ModbusRegisterKind.Holding, 40000, Enumerable.Range(0, 125).Select(i => (ushort)i).ToArray());
        await using var server = await TestServer.StartAsync(map: map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        var values = await client.ReadHoldingRegistersAsync(1, 40000, 125);

        Assert.Equal(Enumerable.Range(0, 125).Select(i => (ushort)i), values);
    }

    [Theory]
    [InlineData(ModbusFraming.Tcp)]
    [InlineData(ModbusFraming.RtuOverTcp)]
    public async Task Requests_from_many_tasks_are_serialized_and_each_gets_its_own_answer(ModbusFraming framing)
    {
        await using var server = await TestServer.StartAsync(framing);
        await using var client = TestServer.ClientFor(server.LocalEndpoint, framing);

        var reads = Enumerable.Range(0, 50).Select(async i =>
        {
            var address = (ushort)(i % 90);
            var values = await client.ReadHoldingRegistersAsync(1, address, 5);
            return (address, values);
        });

        foreach (var (address, values) in await Task.WhenAll(reads))
        {
            Assert.Equal(Enumerable.Range(1000 + address, 5).Select(v => (ushort)v), values);
        }

        Assert.Equal(50, client.Statistics.RoundTrips);
        Assert.Equal(1, client.Statistics.Connects);
    }

    [Fact]
    public async Task Read_past_the_end_of_the_map_is_exception_2_and_the_client_goes_on()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.ReadHoldingRegistersAsync(1, 98, 5));

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error.Code);
        Assert.Equal(3, error.FunctionCode);
        Assert.Contains("ILLEGAL DATA ADDRESS", error.Message, StringComparison.Ordinal);
        Assert.Equal([1098, 1099], await client.ReadHoldingRegistersAsync(1, 98, 2));
        Assert.Equal(1, client.Statistics.ExceptionResponses);
    }

    [Fact]
    public async Task Unknown_unit_gets_exception_11_by_default()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.ReadHoldingRegistersAsync(9, 0, 1));

        Assert.Equal(ModbusExceptionCode.GatewayTargetFailedToRespond, error.Code);
    }

    [Fact]
    public async Task Unknown_unit_can_be_ignored_so_the_client_times_out()
    {
        await using var server = await TestServer.StartAsync(options: new ModbusServerOptions { UnknownUnitResponse = ModbusUnknownUnitResponse.Ignore });
        await using var client = TestServer.ClientFor(server.LocalEndpoint, timeout: TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(9, 0, 1));

        Assert.Equal([1000], await client.ReadHoldingRegistersAsync(1, 0, 1));
    }

    [Fact]
    public async Task Writing_an_input_register_address_that_is_not_a_holding_register_is_refused()
    {
        var map = new ModbusRegisterMap();
        map.AddUnit(1).Define(ModbusRegisterKind.Input, 0, 10);
        await using var server = await TestServer.StartAsync(map: map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.WriteSingleRegisterAsync(1, 0, 1));

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error.Code);
    }
}
