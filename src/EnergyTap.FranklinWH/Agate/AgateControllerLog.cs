using Microsoft.Extensions.Logging;

namespace EnergyTap.FranklinWH.Agate;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "aGate command {Command} sent (WSetPct {Percent} %), revert deadline {Deadline}")]
    public static partial void CommandSent(ILogger logger, string command, double percent, DateTimeOffset? deadline);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "aGate control released (was {Command})")]
    public static partial void Released(ILogger logger, string command);
}
