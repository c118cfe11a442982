using EnergyTap.Modbus.Server;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Server;

/// <summary>What the aGate simulator needs from the register map: refused, lost and side-effect writes, computed reads.</summary>
public sealed class RegisterHookTests
{
    [Fact]
    public async Task Write_hook_can_reject_with_an_exception_code()
    {
        var map = TestServer.SampleMap();
        map[1].AddWriteHook(w => w.ValueAt(10) > 100 ? ModbusWriteDecision.Reject(ModbusExceptionCode.IllegalDataValue) : ModbusWriteDecision.Accept);
        await using var server = await TestServer.StartAsync(map: map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.WriteMultipleRegistersAsync(1, 9, new ushort[] { 1, 1500 }));
        await client.WriteSingleRegisterAsync(1, 10, 50);

        Assert.Equal(ModbusExceptionCode.IllegalDataValue, error.Code);
        Assert.Equal([1009, 50], await client.ReadHoldingRegistersAsync(1, 9, 2));
    }

    [Fact]
    public async Task Write_hook_can_acknowledge_and_silently_discard()
    {
        var map = TestServer.SampleMap();
        map[1].AddWriteHook(w => w.Covers(15) ? ModbusWriteDecision.Discard : ModbusWriteDecision.Accept);
        await using var server = await TestServer.StartAsync(map: map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        await client.WriteSingleRegisterAsync(1, 15, 7);

        Assert.Equal([1015], await client.ReadHoldingRegistersAsync(1, 15, 1));
    }

    [Fact]
    public async Task Write_hook_can_change_other_registers()
    {
        var map = TestServer.SampleMap();
        map[1].AddWriteHook(w =>
        {
            if (w.Covers(50))
            {
                w.Bank.Set(ModbusRegisterKind.Holding, 51, [0, 0]);
            }

            return ModbusWriteDecision.Accept;
        });
        await using var server = await TestServer.StartAsync(map: map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        await client.WriteSingleRegisterAsync(1, 50, 3);

        Assert.Equal([3, 0, 0, 1053], await client.ReadHoldingRegistersAsync(1, 50, 4));
    }

    [Fact]
    public async Task After_write_hook_sees_the_stored_values_and_can_follow_them()
    {
        var map = TestServer.SampleMap();
        map[1].AddAfterWriteHook(w =>
        {
            if (w.Covers(70))
            {
                // Register 71 always holds twice register 70, even when the same write set 71.
                w.Bank.Set(ModbusRegisterKind.Holding, 71, (ushort)(w.Bank.Get(ModbusRegisterKind.Holding, 70) * 2));
            }
        });
        map[1].AddWriteHook(w => w.Covers(80) ? ModbusWriteDecision.Discard : ModbusWriteDecision.Accept);
        var afterDiscard = 0;
        map[1].AddAfterWriteHook(w => afterDiscard += w.Covers(80) ? 1 : 0);
        await using var server = await TestServer.StartAsync(map: map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        await client.WriteMultipleRegistersAsync(1, 70, new ushort[] { 21, 5 });
        await client.WriteSingleRegisterAsync(1, 80, 1);

        Assert.Equal([21, 42], await client.ReadHoldingRegistersAsync(1, 70, 2));
        Assert.Equal(0, afterDiscard);
    }

    [Fact]
    public async Task Read_hook_can_override_values_at_read_time()
    {
        var map = TestServer.SampleMap();
        var reads = 0;
        map[1].AddReadHook(r =>
        {
            if (r.Covers(2) && ++reads % 2 == 0)
            {
                r.Override(2, 0xFFFF);
            }

            return null;
        });
        await using var server = await TestServer.StartAsync(map: map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        Assert.Equal([1001, 1002], await client.ReadHoldingRegistersAsync(1, 1, 2));
        Assert.Equal([1001, 0xFFFF], await client.ReadHoldingRegistersAsync(1, 1, 2));
        Assert.Equal(1002, map[1].Get(ModbusRegisterKind.Holding, 2));
    }

    [Fact]
    public async Task Read_hook_can_refuse_with_an_exception_code()
    {
        var map = TestServer.SampleMap();
        map[1].AddReadHook(r => r.Kind == ModbusRegisterKind.Input ? ModbusExceptionCode.ServerDeviceBusy : null);
        await using var server = await TestServer.StartAsync(map: map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.ReadInputRegistersAsync(1, 0, 1));

        Assert.Equal(ModbusExceptionCode.ServerDeviceBusy, error.Code);
        Assert.Equal([1000], await client.ReadHoldingRegistersAsync(1, 0, 1));
    }

    [Fact]
    public async Task Updates_under_the_bank_lock_are_never_seen_half_done()
    {
        var map = TestServer.SampleMap();
        var bank = map[1];
        bank.Set(ModbusRegisterKind.Holding, 60, [0, 0]);
        await using var server = await TestServer.StartAsync(map: map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint);
        using var stop = new CancellationTokenSource();

        // "Physics": registers 60 and 61 always change together.
        var physics = Task.Run(() =>
        {
            for (ushort tick = 0; !stop.IsCancellationRequested; tick++)
            {
                bank.Update(b =>
                {
                    b.Set(ModbusRegisterKind.Holding, 60, tick);
                    b.Set(ModbusRegisterKind.Holding, 61, tick);
                });
            }
        });

        for (var i = 0; i < 200; i++)
        {
            var pair = await client.ReadHoldingRegistersAsync(1, 60, 2);
            Assert.Equal(pair[0], pair[1]);
        }

        await stop.CancelAsync();
        await physics;
    }

    [Fact]
    public async Task A_throwing_hook_costs_one_server_device_failure_not_the_connection()
    {
        var map = TestServer.SampleMap();
        map[1].AddWriteHook(w => w.Covers(5) ? throw new InvalidOperationException("simulator bug") : ModbusWriteDecision.Accept);
        await using var server = await TestServer.StartAsync(map: map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint);

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.WriteSingleRegisterAsync(1, 5, 1));

        Assert.Equal(ModbusExceptionCode.ServerDeviceFailure, error.Code);
        Assert.Equal([1005], await client.ReadHoldingRegistersAsync(1, 5, 1));
        Assert.Equal(1, server.Statistics.HookFailures);
        Assert.Equal(2, server.Statistics.Requests);
        Assert.Equal(1, server.Statistics.ExceptionResponses);
        Assert.Equal(0, client.Statistics.Reconnects);
    }

    [Fact]
    public void Bank_refuses_local_access_to_undefined_registers()
    {
        var bank = new ModbusRegisterBank();
        bank.Define(ModbusRegisterKind.Holding, 10, 2, fill: 9);

        Assert.True(bank.IsDefined(ModbusRegisterKind.Holding, 10, 2));
        Assert.False(bank.IsDefined(ModbusRegisterKind.Holding, 10, 3));
        Assert.False(bank.IsDefined(ModbusRegisterKind.Input, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => bank.Get(ModbusRegisterKind.Holding, 11, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => bank.Set(ModbusRegisterKind.Holding, 12, 1));
        bank.Undefine(ModbusRegisterKind.Holding, 11, 1);
        Assert.False(bank.IsDefined(ModbusRegisterKind.Holding, 11));
        Assert.Equal(9, bank.Get(ModbusRegisterKind.Holding, 10));
    }
}
