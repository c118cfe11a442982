using System.Globalization;
using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.Model;

/// <summary>Reads a firmware build number from BUILD or from SWVER text such as "2021.9, Build 41001".</summary>
public static class PvsBuild
{
    public static int? From(string? build, string? softwareVersion)
    {
        if (PvsValues.ParseInteger(build) is { } explicitBuild and > 0 and <= int.MaxValue)
        {
            return (int)explicitBuild;
        }

        if (softwareVersion is null)
        {
            return null;
        }

        var at = softwareVersion.IndexOf("Build", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var digits = new string(softwareVersion[(at + 5)..].TrimStart().TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }
}
