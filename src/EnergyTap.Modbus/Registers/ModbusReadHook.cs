namespace EnergyTap.Modbus.Server;

/// <summary>
/// Runs when a client reads registers, after the stored values are copied into <see cref="ModbusReadRequest.Values"/>.
/// Change values to compute or override them; return an exception code to refuse the read, or null to answer.
/// </summary>
public delegate ModbusExceptionCode? ModbusReadHook(ModbusReadRequest request);

/// <summary>One read by a client, as a read hook sees it.</summary>
public sealed class ModbusReadRequest(byte unitId, ModbusRegisterKind kind, ushort address, ushort[] values, ModbusRegisterBank bank)
{
    public byte UnitId { get; } = unitId;

    public ModbusRegisterKind Kind { get; } = kind;

    public ushort Address { get; } = address;

    public int Count => Values.Length;

    /// <summary>The values about to be sent, starting at <see cref="Address"/>; hooks may change them.</summary>
    public ushort[] Values { get; } = values;

    /// <summary>The bank being read; hooks may read or change other registers (the bank's lock is re-entrant).</summary>
    public ModbusRegisterBank Bank { get; } = bank;

    public bool Covers(ushort address) => address >= Address && address < Address + Count;

    /// <summary>Replaces the value sent for <paramref name="address"/> if this read covers it.</summary>
    public void Override(ushort address, ushort value)
    {
        if (Covers(address))
        {
            Values[address - Address] = value;
        }
    }
}
