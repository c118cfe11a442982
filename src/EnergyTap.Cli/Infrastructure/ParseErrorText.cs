using System.Text.RegularExpressions;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>
/// System.CommandLine words a value it cannot convert with the .NET type's name ("expected type
/// 'System.Int32'"); a user needs to hear what kind of value the option takes.
/// </summary>
internal static partial class ParseErrorText
{
    public static string Plain(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var value = match.Groups["value"].Value;
        var symbol = match.Groups["symbol"].Value;
        var choices = match.Groups["choices"].Success
            ? match.Groups["choices"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToLowerInvariant()).ToList()
            : [];
        return $"{symbol}: '{value}' is not {Kind(match.Groups["type"].Value, choices)}";
    }

    private static string Kind(string type, IReadOnlyList<string> choices)
    {
        var bare = NullableOf().Match(type) is { Success: true } inner ? inner.Groups[1].Value : type;
        return bare switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" => "a whole number",
            "System.Byte" or "System.UInt16" or "System.UInt32" => "a whole number of 0 or more",
            "System.Double" or "System.Single" or "System.Decimal" => "a number (e.g. 2.5)",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration such as 00:05:00",
            "System.DateTime" or "System.DateTimeOffset" => "a date and time such as 2026-07-01T12:00",
            _ when choices.Count > 0 => $"one of: {string.Join(", ", choices)}",
            _ => "a value this option accepts",
        };
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<symbol>[^']*)' as expected type '(?<type>[^']*)'\.(?: Did you mean one of the following\?(?<choices>[\s\S]*))?$")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();
}
