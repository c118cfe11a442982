namespace EnergyTap.Modbus;

/// <summary>Base of every error the Modbus layer raises; the connection stays usable after any of them.</summary>
public class ModbusException : Exception
{
    public ModbusException(string message) : base(message) { }
    public ModbusException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>The peer answered with a Modbus exception response.</summary>
public sealed class ModbusExceptionResponseException(byte functionCode, ModbusExceptionCode code)
    : ModbusException($"device answered exception {(byte)code} ({ModbusExceptionCodes.Name(code)}) to function {functionCode}")
{
    public byte FunctionCode { get; } = functionCode;
    public ModbusExceptionCode Code { get; } = code;
}

/// <summary>No (complete) answer within the request or connect timeout.</summary>
public sealed class ModbusTimeoutException(string message, Exception? inner = null) : ModbusException(message, inner);

/// <summary>The peer broke the protocol: wrong transaction id or function, short, oversized or corrupt frame.</summary>
public sealed class ModbusProtocolException(string message) : ModbusException(message);

/// <summary>The connection could not be opened or was lost and could not be re-established.</summary>
public sealed class ModbusConnectionException(string message, Exception? inner = null) : ModbusException(message, inner);

public enum ModbusExceptionCode : byte
{
    IllegalFunction = 1,
    IllegalDataAddress = 2,
    IllegalDataValue = 3,
    ServerDeviceFailure = 4,
    Acknowledge = 5,
    ServerDeviceBusy = 6,
    MemoryParityError = 8,
    GatewayPathUnavailable = 10,
    GatewayTargetFailedToRespond = 11,
}

public static class ModbusExceptionCodes
{
    public static string Name(ModbusExceptionCode code) => code switch
    {
        ModbusExceptionCode.IllegalFunction => "ILLEGAL FUNCTION",
        ModbusExceptionCode.IllegalDataAddress => "ILLEGAL DATA ADDRESS",
        ModbusExceptionCode.IllegalDataValue => "ILLEGAL DATA VALUE",
        ModbusExceptionCode.ServerDeviceFailure => "SERVER DEVICE FAILURE",
        ModbusExceptionCode.Acknowledge => "ACKNOWLEDGE",
        ModbusExceptionCode.ServerDeviceBusy => "SERVER DEVICE BUSY",
        ModbusExceptionCode.MemoryParityError => "MEMORY PARITY ERROR",
        ModbusExceptionCode.GatewayPathUnavailable => "GATEWAY PATH UNAVAILABLE",
        ModbusExceptionCode.GatewayTargetFailedToRespond => "GATEWAY TARGET DEVICE FAILED TO RESPOND",
        _ => "UNKNOWN",
    };
}
