namespace EnergyTap.Modbus.Server;

/// <summary>A client's read or write of consecutive registers of one unit, as hooks see it.</summary>
public abstract class ModbusRegisterAccess(byte unitId, ushort address, ushort[] values, ModbusRegisterBank bank)
{
    public byte UnitId { get; } = unitId;

    public ushort Address { get; } = address;

    public int Count => Values.Length;

    /// <summary>The values from <see cref="Address"/> on: about to be sent (read) or stored (write). Hooks may change them.</summary>
    public ushort[] Values { get; } = values;

    /// <summary>The unit's bank; hooks may read or change other registers (the bank's lock is re-entrant).</summary>
    public ModbusRegisterBank Bank { get; } = bank;

    public bool Covers(ushort address) => address >= Address && address < Address + Count;

    /// <summary>The value at <paramref name="address"/>, or null if this access does not cover it.</summary>
    public ushort? ValueAt(ushort address) => Covers(address) ? Values[address - Address] : null;
}
