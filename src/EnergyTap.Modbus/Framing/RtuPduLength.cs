namespace EnergyTap.Modbus.Framing;

/// <summary>Where an RTU PDU ends, worked out from its function code and (for variable-length ones) byte count.</summary>
public static class RtuPduLength
{
    public const int NeedMore = -1;
    public const int UnknownFunction = -2;

    public static int OfRequest(ReadOnlySpan<byte> pdu) => pdu[0] switch
    {
        ModbusFunctionCodes.ReadHoldingRegisters or ModbusFunctionCodes.ReadInputRegisters or ModbusFunctionCodes.WriteSingleRegister => 5,
        ModbusFunctionCodes.WriteMultipleRegisters => pdu.Length > 5 ? 6 + pdu[5] : NeedMore,
        ModbusFunctionCodes.ReadWriteMultipleRegisters => pdu.Length > 9 ? 10 + pdu[9] : NeedMore,
        _ => UnknownFunction,
    };

    public static int OfResponse(ReadOnlySpan<byte> pdu)
    {
        if ((pdu[0] & ModbusFunctionCodes.ExceptionFlag) != 0)
        {
            return 2;
        }

        return pdu[0] switch
        {
            ModbusFunctionCodes.ReadHoldingRegisters or ModbusFunctionCodes.ReadInputRegisters or ModbusFunctionCodes.ReadWriteMultipleRegisters
                => pdu.Length > 1 ? 2 + pdu[1] : NeedMore,
            ModbusFunctionCodes.WriteSingleRegister or ModbusFunctionCodes.WriteMultipleRegisters => 5,
            _ => UnknownFunction,
        };
    }
}
