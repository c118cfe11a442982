using EnergyTap.Modbus;

namespace EnergyTap.FranklinWH.Agate.Reading;

/// <summary>The vendor registers as read in one go; a register the device refused reads as null.</summary>
internal sealed class VendorRegisterValues
{
    private readonly ushort[]? block;
    private readonly ushort? homeLoad;

    private VendorRegisterValues(ushort[]? block, ushort? homeLoad)
    {
        this.block = block;
        this.homeLoad = homeLoad;
    }

    public static async Task<VendorRegisterValues> ReadAsync(IModbusClient modbus, byte unitId, CancellationToken cancellationToken)
    {
        var block = await TryReadAsync(modbus, unitId, AgateVendorRegisters.BlockStart, AgateVendorRegisters.BlockLength, cancellationToken);
        var load = await TryReadAsync(modbus, unitId, AgateVendorRegisters.HomeLoadWatts, 1, cancellationToken);
        return new VendorRegisterValues(block, load?[0]);
    }

    /// <summary>The raw register, null when unreadable or 0xFFFF ("no data").</summary>
    public ushort? Raw(ushort address)
    {
        if (address == AgateVendorRegisters.HomeLoadWatts)
        {
            return homeLoad is AgateVendorRegisters.NoData ? null : homeLoad;
        }

        var index = address - AgateVendorRegisters.BlockStart;
        return block is null || index < 0 || index >= block.Length || block[index] == AgateVendorRegisters.NoData ? null : block[index];
    }

    public uint? UInt32(ushort address) =>
        Raw(address) is { } high && Raw((ushort)(address + 1)) is { } low ? (uint)(high << 16 | low) : null;

    // Devices without these registers answer an exception; that is "no value", not a failure of the whole read.
    private static async Task<ushort[]?> TryReadAsync(IModbusClient modbus, byte unitId, ushort address, ushort count, CancellationToken cancellationToken)
    {
        try
        {
            return await modbus.ReadHoldingRegistersAsync(unitId, address, count, cancellationToken);
        }
        catch (ModbusExceptionResponseException)
        {
            return null;
        }
    }
}
