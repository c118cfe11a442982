using EnergyTap.Cli.Infrastructure;
using EnergyTap.Server.Storage;

namespace EnergyTap.Cli.Commands.History;

/// <summary>Parses --from/--to in the words <see cref="HistoryText"/> defines, the same the API takes.</summary>
internal static class TimeArgument
{
    public static DateTimeOffset Parse(string text, string option, DateTimeOffset now) =>
        HistoryText.TryParseTime(text, now, out var time)
            ? time
            : throw new UsageException($"{option} '{text}' is not a time: {HistoryText.TimeHint}");
}
