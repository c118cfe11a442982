namespace EnergyTap.Modbus.Server;

/// <summary>
/// Runs when a client writes holding registers (FC 6, 16, 23), before anything is stored.
/// Decides whether the write is stored, refused with an exception code, or acknowledged and silently dropped
/// (as some devices do). It may change <see cref="ModbusWriteRequest.Values"/> to store something else,
/// and may change other registers of the bank (e.g. a write that resets its neighbours).
/// </summary>
public delegate ModbusWriteDecision ModbusWriteHook(ModbusWriteRequest request);

/// <summary>One write by a client, as a write hook sees it.</summary>
public sealed class ModbusWriteRequest(byte unitId, byte functionCode, ushort address, ushort[] values, ModbusRegisterBank bank)
    : ModbusRegisterAccess(unitId, address, values, bank)
{
    /// <summary>6, 16 or 23.</summary>
    public byte FunctionCode { get; } = functionCode;
}

public enum ModbusWriteOutcome
{
    /// <summary>Store the values and acknowledge.</summary>
    Accept,

    /// <summary>Acknowledge but store nothing: the write is silently lost.</summary>
    Discard,

    /// <summary>Answer with an exception response; store nothing.</summary>
    Reject,
}

/// <summary>What a write hook decided.</summary>
public readonly record struct ModbusWriteDecision(ModbusWriteOutcome Outcome, ModbusExceptionCode Code)
{
    public static ModbusWriteDecision Accept { get; } = new(ModbusWriteOutcome.Accept, default);

    public static ModbusWriteDecision Discard { get; } = new(ModbusWriteOutcome.Discard, default);

    public static ModbusWriteDecision Reject(ModbusExceptionCode code) => new(ModbusWriteOutcome.Reject, code);
}
