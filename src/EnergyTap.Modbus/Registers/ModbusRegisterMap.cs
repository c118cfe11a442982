using System.Collections.Concurrent;

namespace EnergyTap.Modbus.Server;

/// <summary>The units a <see cref="ModbusTcpServer"/> answers for, each with its own register bank.</summary>
public sealed class ModbusRegisterMap
{
    private readonly ConcurrentDictionary<byte, ModbusRegisterBank> units = new();

    /// <summary>The bank of <paramref name="unitId"/>, created empty the first time.</summary>
    public ModbusRegisterBank AddUnit(byte unitId) => units.GetOrAdd(unitId, _ => new ModbusRegisterBank());

    /// <summary>Answers for <paramref name="unitId"/> from an existing bank (several unit ids may share one).</summary>
    public void AddUnit(byte unitId, ModbusRegisterBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        if (!units.TryAdd(unitId, bank))
        {
            throw new InvalidOperationException($"unit {unitId} already has registers");
        }
    }

    public bool TryGetUnit(byte unitId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModbusRegisterBank? bank) =>
        units.TryGetValue(unitId, out bank);

    public ModbusRegisterBank this[byte unitId] =>
        units.TryGetValue(unitId, out var bank) ? bank : throw new KeyNotFoundException($"unit {unitId} has no registers");

    public IReadOnlyCollection<byte> UnitIds => [.. units.Keys.Order()];
}
