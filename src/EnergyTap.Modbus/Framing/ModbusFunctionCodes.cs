namespace EnergyTap.Modbus.Framing;

/// <summary>The function codes this stack speaks, and the limits the Modbus specification sets for them.</summary>
public static class ModbusFunctionCodes
{
    public const byte ReadHoldingRegisters = 3;
    public const byte ReadInputRegisters = 4;
    public const byte WriteSingleRegister = 6;
    public const byte WriteMultipleRegisters = 16;
    public const byte ReadWriteMultipleRegisters = 23;

    /// <summary>Set on the function code of an exception response.</summary>
    public const byte ExceptionFlag = 0x80;

    public const int MaxReadCount = 125;
    public const int MaxWriteCount = 123;
    public const int MaxReadWriteWriteCount = 121;

    /// <summary>A PDU is at most 253 bytes (256-byte RTU ADU minus unit id and CRC).</summary>
    public const int MaxPduLength = 253;
}
