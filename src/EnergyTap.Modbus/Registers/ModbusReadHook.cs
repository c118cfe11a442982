namespace EnergyTap.Modbus.Server;

/// <summary>
/// Runs when a client reads registers, after the stored values are copied into <see cref="ModbusReadRequest.Values"/>.
/// Change values to compute or override them; return an exception code to refuse the read, or null to answer.
/// </summary>
public delegate ModbusExceptionCode? ModbusReadHook(ModbusReadRequest request);

/// <summary>One read by a client, as a read hook sees it.</summary>
public sealed class ModbusReadRequest(byte unitId, ModbusRegisterKind kind, ushort address, ushort[] values, ModbusRegisterBank bank)
    : ModbusRegisterAccess(unitId, address, values, bank)
{
    public ModbusRegisterKind Kind { get; } = kind;

    /// <summary>Replaces the value sent for <paramref name="address"/> if this read covers it.</summary>
    public void Override(ushort address, ushort value)
    {
        if (Covers(address))
        {
            Values[address - Address] = value;
        }
    }
}
