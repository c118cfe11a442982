using EnergyTap.Modbus;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Images;
using EnergyTap.SunSpec.Tests.Fakes;

namespace EnergyTap.SunSpec.Tests;

public class BrokenChainTests
{
    [Fact]
    public async Task No_marker_anywhere_names_the_places_tried()
    {
        var bank = new RegisterBankClient(0, new ushort[200]);

        var ex = await Assert.ThrowsAsync<SunSpecChainException>(() => SunSpecScanner.ScanAsync(bank));

        Assert.Contains("40000, 0 or 50000", ex.Message);
    }

    [Fact]
    public async Task A_length_running_past_the_registers_is_an_overrun()
    {
        var registers = new SunSpecImageBuilder().Add(1).Add(713).Build(0).ToArray();
        registers[71] = 500; // 713's L now points far past the end of the bank
        var bank = new RegisterBankClient(0, registers);

        var ex = await Assert.ThrowsAsync<SunSpecChainException>(() => SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 }));

        Assert.Contains("model 713 at 70 claims L=500", ex.Message);
        await AssertStillUsable(bank);
    }

    [Fact]
    public async Task A_length_wrapping_past_the_address_space_is_refused_before_reading_it()
    {
        var registers = new ushort[65536];
        var image = new SunSpecImageBuilder().Add(1).Build(65000).ToArray();
        image.CopyTo(registers, 65000);
        registers[65000 + 2 + 68] = 64001;
        registers[65000 + 2 + 68 + 1] = 65000; // "loops" back below the start if added in 16 bits
        var bank = new RegisterBankClient(0, registers);

        var ex = await Assert.ThrowsAsync<SunSpecChainException>(() => SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 65000 }));

        Assert.Contains("past the end of the address space", ex.Message);
        Assert.True(bank.Reads < 10);
    }

    [Fact]
    public async Task A_chain_without_end_marker_to_the_end_of_the_address_space_is_an_error_not_an_endless_walk()
    {
        var registers = new ushort[65536];
        registers[60000] = 0x5375;
        registers[60001] = 0x6E53;
        for (var address = 60002; address + 1 < 65536; address += 100)
        {
            registers[address] = 64001;
            registers[address + 1] = (ushort)Math.Min(98, 65536 - address - 2);
        }

        var bank = new RegisterBankClient(0, registers);

        var ex = await Assert.ThrowsAsync<SunSpecChainException>(() => SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 60000 }));

        Assert.Contains("without an end marker", ex.Message);
        Assert.InRange(bank.Reads, 40, 50); // 5,536 registers in 125-register windows, then stop
    }

    [Fact]
    public async Task Too_many_models_is_a_broken_chain()
    {
        var registers = new ushort[4000];
        registers[0] = 0x5375;
        registers[1] = 0x6E53;
        for (var address = 2; address + 3 < registers.Length; address += 3)
        {
            registers[address] = 64001;
            registers[address + 1] = 1;
        }

        var bank = new RegisterBankClient(0, registers);

        var ex = await Assert.ThrowsAsync<SunSpecChainException>(() =>
            SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0, MaxModels = 100 }));

        Assert.Contains("more than 100 models", ex.Message);
    }

    [Fact]
    public async Task A_timeout_while_scanning_surfaces_as_the_modbus_error()
    {
        var ex = await Assert.ThrowsAsync<ModbusTimeoutException>(() => SunSpecScanner.ScanAsync(new TimingOutClient()));
        Assert.Contains("no answer", ex.Message);
    }

    private static async Task AssertStillUsable(RegisterBankClient bank)
    {
        var values = await bank.ReadHoldingRegistersAsync(1, 0, 2);
        Assert.Equal(new ushort[] { 0x5375, 0x6E53 }, values);
    }

    private sealed class TimingOutClient : IModbusClient
    {
        public Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default) =>
            throw new ModbusTimeoutException("no answer within 10 s");

        public Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
