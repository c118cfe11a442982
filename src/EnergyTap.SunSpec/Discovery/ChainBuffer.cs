using EnergyTap.Modbus;

namespace EnergyTap.SunSpec.Discovery;

/// <summary>
/// The registers from the marker onwards, fetched in 125-register windows so one read brings in many model
/// headers. When a window runs past the end of the device's registers (exception 2), it falls back to reading
/// exactly what the walk needs, and keeps doing so.
/// </summary>
internal sealed class ChainBuffer(IModbusClient modbus, byte unitId, int start)
{
    private const int AddressSpace = 65536;
    private readonly List<ushort> registers = [];
    private bool exactReads;

    public int Start { get; } = start;

    public byte UnitId => unitId;

    public int End => Start + registers.Count;

    public ushort this[int address] => registers[address - Start];

    /// <summary>Registers already fetched at [address, address + count).</summary>
    public ReadOnlySpan<ushort> Slice(int address, int count) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(registers).Slice(address - Start, count);

    /// <summary>
    /// Makes [address, address + count) available. False when the device refuses those registers as out of range.
    /// </summary>
    public async Task<bool> EnsureAsync(int address, int count, CancellationToken cancellationToken)
    {
        var needEnd = address + count;
        if (needEnd > AddressSpace)
        {
            return false;
        }

        while (End < needEnd)
        {
            var size = exactReads ? Math.Min(needEnd - End, 125) : Math.Min(125, AddressSpace - End);
            try
            {
                await ReadAsync(size, cancellationToken);
            }
            catch (ModbusExceptionResponseException ex) when (IsPastTheEnd(ex))
            {
                if (exactReads || size <= needEnd - End)
                {
                    return false;
                }

                exactReads = true;
            }
        }

        return true;
    }

    /// <summary>Devices answer 2 (and some 3) for a read that runs past their last register.</summary>
    internal static bool IsPastTheEnd(ModbusExceptionResponseException ex) =>
        ex.Code is ModbusExceptionCode.IllegalDataAddress or ModbusExceptionCode.IllegalDataValue;

    private async Task ReadAsync(int size, CancellationToken cancellationToken)
    {
        var values = await modbus.ReadHoldingRegistersAsync(unitId, (ushort)End, (ushort)size, cancellationToken);
        if (values.Length == 0)
        {
            throw new SunSpecChainException($"the device returned no registers for a read of {size} at {End}");
        }

        registers.AddRange(values.Length > size ? values.AsSpan(0, size) : values);
    }
}
