namespace EnergyTap.Simulators.Agate.Physics;

/// <summary>Solar production and home consumption as functions of the time of day.</summary>
internal sealed class DailyCurves(AgatePhysicsOptions options)
{
    private const int CloudChannel = 1;
    private const int ApplianceChannel = 2;
    private readonly SeededNoise noise = new(options.Seed);

    public double SolarWatts(DateTimeOffset now)
    {
        var hour = LocalHour(now);
        if (hour is <= 6 or >= 18)
        {
            return 0;
        }

        // Half a sine between 06:00 and 18:00, dimmed by clouds that change every few minutes.
        var sun = Math.Sin(Math.PI * (hour - 6) / 12);
        var cloud = 0.85 + 0.15 * noise.At(CloudChannel, now, TimeSpan.FromMinutes(5));
        return Math.Round(options.SolarPeakWatts * sun * cloud);
    }

    public double HomeLoadWatts(DateTimeOffset now)
    {
        var hour = LocalHour(now);

        // A morning bump around 07:30 and a larger evening one around 19:00, plus appliances.
        var morning = 900 * Bump(hour, 7.5, 1.2);
        var evening = 1_800 * Bump(hour, 19, 2);
        var appliances = 250 * (1 + noise.At(ApplianceChannel, now, TimeSpan.FromSeconds(30)));
        return Math.Round(options.HomeBaseLoadWatts + morning + evening + appliances);
    }

    private double LocalHour(DateTimeOffset now)
    {
        var hours = now.UtcDateTime.TimeOfDay.TotalHours + options.UtcOffsetHours;
        return ((hours % 24) + 24) % 24;
    }

    private static double Bump(double hour, double centre, double width) =>
        Math.Exp(-Math.Pow((hour - centre) / width, 2));
}
