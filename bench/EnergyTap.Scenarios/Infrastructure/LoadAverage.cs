using System.Globalization;

namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>The 1/5/15-minute load averages of the machine: recorded beside every result because the machine is shared.</summary>
internal sealed record LoadAverage(double One, double Five, double Fifteen)
{
    public static LoadAverage Read()
    {
        var parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return new LoadAverage(Parse(parts[0]), Parse(parts[1]), Parse(parts[2]));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{One:0.0}/{Five:0.0}/{Fifteen:0.0}");

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
