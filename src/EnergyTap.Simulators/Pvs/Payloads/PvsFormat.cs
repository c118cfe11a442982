using System.Globalization;

namespace EnergyTap.Simulators.Pvs.Payloads;

/// <summary>The PVS's ways of writing numbers and times.</summary>
internal static class PvsFormat
{
    /// <summary>dl_cgi time: "YYYY,MM,DD,hh,mm,ss" in UTC.</summary>
    public static string DlCgiTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy,MM,dd,HH,mm,ss", CultureInfo.InvariantCulture);

    /// <summary>Varserver msmtEps: ISO 8601 UTC with a Z.</summary>
    public static string IsoTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>dl_cgi metric: a number as a string with at most <paramref name="decimals"/> decimals, trailing zeros dropped.</summary>
    public static string Number(double value, int decimals = 4)
    {
        var rounded = Math.Round(value, decimals);
        if (rounded == 0)
        {
            rounded = 0; // never "-0"
        }

        return rounded.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Varserver float: C's %f, six decimals ("0.860000").</summary>
    public static string Float(double value) => double.IsNaN(value) ? "nan" : value.ToString("F6", CultureInfo.InvariantCulture);
}
