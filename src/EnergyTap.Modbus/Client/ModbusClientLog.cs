using Microsoft.Extensions.Logging;

namespace EnergyTap.Modbus;

internal static partial class ModbusClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Connected to {Host}:{Port} ({Framing})")]
    public static partial void Connected(ILogger logger, string host, int port, ModbusFraming framing);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Connection to {Host}:{Port} failed ({Failures} in a row); next attempt in {Backoff}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, int failures, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Dropping connection to {Host}:{Port}: {Reason}")]
    public static partial void Dropped(ILogger logger, string host, int port, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Discarded a late answer with transaction id {TransactionId} from {Host}:{Port}")]
    public static partial void StaleResponse(ILogger logger, ushort transactionId, string host, int port);
}
