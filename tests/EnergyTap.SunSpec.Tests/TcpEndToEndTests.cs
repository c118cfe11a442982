using EnergyTap.Modbus;
using EnergyTap.Modbus.Server;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Tests.Fakes;
using EnergyTap.SunSpec.Writing;

namespace EnergyTap.SunSpec.Tests;

/// <summary>SunSpec over a real Modbus TCP connection to our server on loopback.</summary>
public class TcpEndToEndTests
{
    [Fact]
    public async Task Scan_poll_and_read_over_tcp_take_the_same_round_trips_as_in_memory()
    {
        await using var server = await SunSpecTcpServer.StartAsync(AgateLikeImage.Build());
        await using var client = server.Connect();

        var device = await SunSpecScanner.ScanAsync(client);
        var scanRequests = client.Statistics.RoundTrips;
        await device.PollAsync();

        Assert.Equal(0, device.Map.BaseAddress);
        Assert.Equal(296, device.Map.Find(704)!.Address);
        Assert.Equal(13, scanRequests);
        Assert.Equal(23, client.Statistics.RoundTrips);
        Assert.Equal("aGate X", (await device.ReadAsync(["1.Md"]))[0].Value);
    }

    [Fact]
    public async Task Writes_are_verified_and_discards_by_the_device_are_caught()
    {
        await using var server = await SunSpecTcpServer.StartAsync(AgateLikeImage.Build());
        var wrmp = server.Image.Locate("704.WRmp").Address;
        server.Bank.AddWriteHook(request => request.Covers((ushort)wrmp) ? ModbusWriteDecision.Discard : ModbusWriteDecision.Accept);
        await using var client = server.Connect();
        var device = await SunSpecScanner.ScanAsync(client, new SunSpecScanOptions { BaseAddress = 0 });

        var report = await device.WriteAsync([new PointWrite("704.WSetPct", -60), new PointWrite("704.WRmp", 10)]);

        Assert.Equal([WriteOutcome.Verified, WriteOutcome.Discarded], report.Results.Select(r => r.Outcome));
        Assert.Equal(unchecked((ushort)-60), server.Bank.Get(ModbusRegisterKind.Holding, 324));
    }

    [Fact]
    public async Task A_rejected_write_leaves_the_client_usable()
    {
        await using var server = await SunSpecTcpServer.StartAsync(AgateLikeImage.Build());
        server.Bank.AddWriteHook(_ => ModbusWriteDecision.Reject(ModbusExceptionCode.ServerDeviceFailure));
        await using var client = server.Connect();
        var device = await SunSpecScanner.ScanAsync(client, new SunSpecScanOptions { BaseAddress = 0 });

        var report = await device.WriteAsync([new PointWrite("704.WSetEna", 1)]);

        Assert.Equal(WriteOutcome.Rejected, report.Results[0].Outcome);
        Assert.Contains("exception 4", report.Results[0].Error);
        Assert.Equal(87.0, (await device.ReadAsync(["713.SoC"]))[0].Value);
    }
}
