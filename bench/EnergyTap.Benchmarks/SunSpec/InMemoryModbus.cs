using EnergyTap.Modbus;

namespace EnergyTap.Benchmarks.SunSpec;

/// <summary>Holding registers in memory, counting round trips; exception 2 outside the block like a real device.</summary>
public sealed class InMemoryModbus(int start, ushort[] registers) : IModbusClient
{
    public int RoundTrips { get; private set; }

    public Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default)
    {
        RoundTrips++;
        if (address < start || address + count > start + registers.Length)
        {
            throw new ModbusExceptionResponseException(3, ModbusExceptionCode.IllegalDataAddress);
        }

        return Task.FromResult(registers.AsSpan(address - start, count).ToArray());
    }

    public Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default) =>
        ReadHoldingRegistersAsync(unitId, address, count, cancellationToken);

    public Task WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken cancellationToken = default) =>
        WriteMultipleRegistersAsync(unitId, address, new[] { value }, cancellationToken);

    public Task WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken = default)
    {
        RoundTrips++;
        values.Span.CopyTo(registers.AsSpan(address - start));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
