using EnergyTap.Modbus;
using EnergyTap.SunSpec.Images;

namespace EnergyTap.SunSpec.Tests.Fakes;

/// <summary>
/// An in-memory Modbus device over one block of holding registers. Counts round trips, answers exception 2 for any
/// access outside the block, can silently discard writes to some registers and reject writes to others.
/// </summary>
public sealed class RegisterBankClient(int start, ushort[] registers) : IModbusClient
{
    public int Start { get; } = start;

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public int RoundTrips => Reads + Writes;

    public List<(int Address, int Count)> ReadLog { get; } = [];

    public List<(int Address, ushort[] Values)> WriteLog { get; } = [];

    /// <summary>Writes to these addresses are acknowledged and ignored.</summary>
    public HashSet<int> Discarding { get; } = [];

    /// <summary>Writes touching these addresses draw this exception.</summary>
    public Dictionary<int, ModbusExceptionCode> Rejecting { get; } = [];

    public static RegisterBankClient From(SunSpecImage image) => new(image.BaseAddress, image.ToArray());

    public ushort this[int address]
    {
        get => registers[address - Start];
        set => registers[address - Start] = value;
    }

    public void ResetCounts()
    {
        Reads = 0;
        Writes = 0;
        ReadLog.Clear();
        WriteLog.Clear();
    }

    public Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default)
    {
        Reads++;
        ReadLog.Add((address, count));
        if (count is 0 or > 125)
        {
            throw new ModbusExceptionResponseException(3, ModbusExceptionCode.IllegalDataValue);
        }

        CheckRange(3, address, count);
        return Task.FromResult(registers.AsSpan(address - Start, count).ToArray());
    }

    public Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default) =>
        throw new ModbusExceptionResponseException(4, ModbusExceptionCode.IllegalFunction);

    public Task WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken cancellationToken = default) =>
        WriteMultipleRegistersAsync(unitId, address, new[] { value }, cancellationToken);

    public Task WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken = default)
    {
        Writes++;
        WriteLog.Add((address, values.ToArray()));
        CheckRange(16, address, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (Rejecting.TryGetValue(address + i, out var code))
            {
                throw new ModbusExceptionResponseException(16, code);
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!Discarding.Contains(address + i))
            {
                this[address + i] = values.Span[i];
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void CheckRange(byte function, int address, int count)
    {
        if (address < Start || address + count > Start + registers.Length)
        {
            throw new ModbusExceptionResponseException(function, ModbusExceptionCode.IllegalDataAddress);
        }
    }
}
