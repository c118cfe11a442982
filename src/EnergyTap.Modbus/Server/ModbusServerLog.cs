using System.Net;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Modbus.Server;

internal static partial class ModbusServerLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Modbus server listening on {Endpoint} ({Framing})")]
    public static partial void Listening(ILogger logger, EndPoint endpoint, ModbusFraming framing);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Client {Client} connected")]
    public static partial void ClientConnected(ILogger logger, EndPoint? client);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Client {Client} disconnected: {Reason}")]
    public static partial void ClientDisconnected(ILogger logger, EndPoint? client, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Refused client {Client}: {Limit} connections already open")]
    public static partial void ConnectionRefused(ILogger logger, EndPoint? client, int limit);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "A register hook failed on unit {UnitId} function {FunctionCode}; answered SERVER DEVICE FAILURE")]
    public static partial void HookFailed(ILogger logger, Exception exception, byte unitId, byte functionCode);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Serving client {Client} failed unexpectedly")]
    public static partial void ClientFailed(ILogger logger, Exception exception, EndPoint? client);
}
