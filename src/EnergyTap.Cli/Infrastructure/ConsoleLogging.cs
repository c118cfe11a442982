using Microsoft.Extensions.Logging;

namespace EnergyTap.Cli.Infrastructure;

internal static class ConsoleLogging
{
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss'Z' ";

    /// <summary>
    /// Console logs at <paramref name="minimum"/>. The host's own start and stop errors are left out: the service
    /// rethrows them and the CLI reports each as one line, where the host would print a stack trace first.
    /// ASP.NET's request chatter stays out unless the user asked for debug output. Timestamps are UTC in the
    /// same form ("u": 2026-12-03 11:30:05Z) as the times inside messages, so a log reads in one clock.
    /// </summary>
    public static ILoggerFactory Create(LogLevel minimum) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(minimum)
        .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
        .AddFilter("Microsoft.AspNetCore", minimum <= LogLevel.Debug ? minimum : LogLevel.Warning)
        .AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = TimestampFormat;
            o.UseUtcTimestamp = true;
        }));
}
