namespace EnergyTap.Modbus;

/// <summary>
/// A Modbus master's view of one connection: the register functions SunSpec needs.
/// Addresses are 0-based PDU addresses (register number 40001 is PDU address 40000).
/// Implementations are safe to call from several tasks at once.
/// </summary>
public interface IModbusClient : IAsyncDisposable
{
    /// <summary>FC 3. At most 125 registers.</summary>
    Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default);

    /// <summary>FC 4. At most 125 registers.</summary>
    Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default);

    /// <summary>FC 6.</summary>
    Task WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken cancellationToken = default);

    /// <summary>FC 16. At most 123 registers.</summary>
    Task WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken = default);
}
