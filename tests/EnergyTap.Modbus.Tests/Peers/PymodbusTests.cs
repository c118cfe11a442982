namespace EnergyTap.Modbus.Tests.Peers;

/// <summary>Our client against a real pymodbus server, with both framings.</summary>
public sealed class PymodbusTests
{
    [Theory]
    [InlineData(ModbusFraming.Tcp)]
    [InlineData(ModbusFraming.RtuOverTcp)]
    public async Task Reads_and_writes_a_pymodbus_server(ModbusFraming framing)
    {
        await using var peer = await PymodbusServer.StartAsync(framing);
        await using var client = ClientFor(peer, framing);

        Assert.Equal([103, 104, 105], await client.ReadHoldingRegistersAsync(1, 3, 3));
        Assert.Equal([500, 501], await client.ReadInputRegistersAsync(1, 0, 2));

        await client.WriteSingleRegisterAsync(1, 10, 0xBEEF);
        await client.WriteMultipleRegistersAsync(1, 20, new ushort[] { 7, 8, 9 });

        Assert.Equal([0xBEEF], await client.ReadHoldingRegistersAsync(1, 10, 1));
        Assert.Equal([7, 8, 9], await client.ReadHoldingRegistersAsync(1, 20, 3));
    }

    [Fact]
    public async Task Reads_a_hundred_registers_in_one_request()
    {
        await using var peer = await PymodbusServer.StartAsync(ModbusFraming.Tcp);
        await using var client = ClientFor(peer, ModbusFraming.Tcp);

        var values = await client.ReadHoldingRegistersAsync(1, 0, 100);

        Assert.Equal(Enumerable.Range(100, 100).Select(v => (ushort)v), values);
        Assert.Equal(1, client.Statistics.RoundTrips);
    }

    [Theory]
    [InlineData(ModbusFraming.Tcp)]
    [InlineData(ModbusFraming.RtuOverTcp)]
    public async Task Exception_2_from_pymodbus_is_typed_and_the_client_goes_on(ModbusFraming framing)
    {
        await using var peer = await PymodbusServer.StartAsync(framing);
        await using var client = ClientFor(peer, framing);

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.ReadHoldingRegistersAsync(1, 98, 5));

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error.Code);
        Assert.Equal([198, 199], await client.ReadHoldingRegistersAsync(1, 98, 2));
    }

    [Fact]
    public async Task Concurrent_requests_all_get_their_own_answers()
    {
        await using var peer = await PymodbusServer.StartAsync(ModbusFraming.Tcp);
        await using var client = ClientFor(peer, ModbusFraming.Tcp);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i => (i, values: await client.ReadHoldingRegistersAsync(1, (ushort)i, 2))));

        foreach (var (i, values) in results)
        {
            Assert.Equal([(ushort)(100 + i), (ushort)(101 + i)], values);
        }
    }

    private static ModbusTcpClient ClientFor(PymodbusServer peer, ModbusFraming framing) =>
        new(new ModbusClientOptions { Host = "127.0.0.1", Port = peer.Port, Framing = framing, RequestTimeout = TimeSpan.FromSeconds(5) });
}
