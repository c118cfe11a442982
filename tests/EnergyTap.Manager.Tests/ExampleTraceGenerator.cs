using System.Globalization;
using System.Text;

namespace EnergyTap.Manager.Tests;

/// <summary>
/// Generates examples/replay/: three June days at 10 s (a sunny day with appliance spikes, an overcast day with the
/// washing, a day of passing clouds with an evening EV charge) and their TOU prices. Deterministic (own PRNG), so
/// the files in the repo are exactly what this writes; ExampleFilesTests checks that and rewrites them when
/// ENERGYTAP_WRITE_EXAMPLES=1.
/// </summary>
internal static class ExampleTraceGenerator
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    public const int Days = 3;
    private const int StepSeconds = 10;

    public static string TraceCsv()
    {
        var random = new Xorshift(20260601);
        var csv = new StringBuilder("time,load_w,pv_w\n");
        var cloud = 1.0;
        var cloudLeft = 0;
        var cloudDepth = 1.0;
        for (var t = 0; t < Days * 86400; t += StepSeconds)
        {
            var day = t / 86400;
            var hour = t % 86400 / 3600.0;
            var load = BaseLoad(hour) + Appliances(day, hour) + random.Between(-30, 30);

            var clearSky = hour is > 5.5 and < 20.5 ? 7000 * Math.Pow(Math.Sin(Math.PI * (hour - 5.5) / 15), 1.4) : 0;
            double factor;
            if (day == 1)
            {
                factor = 0.22 + 0.08 * Math.Sin(hour * 1.7) + random.Between(-0.02, 0.02); // overcast all day
            }
            else if (day == 2)
            {
                if (cloudLeft <= 0 && random.Next() < 0.012)
                {
                    cloudLeft = (int)random.Between(6, 36); // 1–6 minutes of cloud
                    cloudDepth = random.Between(0.2, 0.5);
                }

                var target = cloudLeft-- > 0 ? cloudDepth : 1.0;
                cloud += (target - cloud) * 0.35; // edges of a cloud take ~30 s to pass
                factor = cloud;
            }
            else
            {
                factor = 0.97 + random.Between(-0.01, 0.01);
            }

            var pv = Math.Max(0, clearSky * factor);
            csv.Append(CultureInfo.InvariantCulture, $"{Start.AddSeconds(t):yyyy-MM-ddTHH:mm:ssZ},{Math.Round(load)},{Math.Round(pv)}\n");
        }

        return csv.ToString();
    }

    /// <summary>Hourly TOU import prices (off-peak night, peak 16–21) in currency per kWh.</summary>
    public static string ImportPricesJson() => Prices(hour => hour < 7 ? 0.12 : hour is >= 16 and < 21 ? 0.45 : 0.25);

    /// <summary>NEM 3.0-like export prices: far below import, a little higher in the evening.</summary>
    public static string ExportPricesJson() => Prices(hour => hour is >= 17 and < 21 ? 0.10 : 0.04);

    private static string Prices(Func<int, double> perHour)
    {
        var json = new StringBuilder("[\n");
        for (var h = 0; h < Days * 24; h++)
        {
            var start = Start.AddHours(h);
            json.Append(CultureInfo.InvariantCulture, $"  {{\"start\": \"{start:yyyy-MM-ddTHH:mm:ssZ}\", \"end\": \"{start.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}\", \"value\": {perHour(h % 24)}}}");
            json.Append(h < Days * 24 - 1 ? ",\n" : "\n");
        }

        return json.Append("]\n").ToString();
    }

    /// <summary>Always-on devices, a fridge cycling, and the morning and evening bumps.</summary>
    private static double BaseLoad(double hour)
    {
        var fridge = hour * 60 % 45 < 20 ? 120 : 0;
        var bump = hour is >= 6.5 and < 8.5 ? 450 : hour is >= 17.5 and < 22.5 ? 650 : hour is >= 8.5 and < 17.5 ? 150 : 0;
        return 280 + fridge + bump;
    }

    private static double Appliances(int day, double hour)
    {
        double watts = 0;
        watts += On(hour, 7.25, 3, 2200);                        // kettle
        watts += On(hour, 16.5 + day * 0.1, 3, 2200);            // afternoon tea
        watts += On(hour, 12.5, 4, 1200);                        // microwave
        watts += On(hour, 19.0 + day * 0.2, 4, 1200);
        if (hour is >= 18 and < 18.75 && hour * 60 % 7 < 5)      // oven, its thermostat cycling
        {
            watts += 3000;
        }

        watts += On(hour, 21.0, 25, 1800);                       // dishwasher
        if (day == 1)
        {
            watts += On(hour, 10.0, 20, 2000) + On(hour, 10.0 + 20 / 60.0, 60, 300); // washing: heating, then the drum
            watts += On(hour, 14.0, 45, 2500);                                       // dryer
        }

        if (day == 2)
        {
            watts += On(hour, 19.5, 150, 7200);                  // EV charging, more than the battery can cover
            watts += On(hour, 8.0, 8, 1800);                     // hair dryer
        }

        return watts;
    }

    private static double On(double hour, double startHour, double minutes, double watts) =>
        hour >= startHour && hour < startHour + minutes / 60 ? watts : 0;

    /// <summary>xorshift64*: the same numbers on every runtime, unlike a library PRNG whose algorithm may change.</summary>
    private sealed class Xorshift(ulong seed)
    {
        private ulong state = seed;

        public double Next()
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            return ((state * 2685821657736338717UL) >> 11) / (double)(1UL << 53);
        }

        public double Between(double low, double high) => low + (high - low) * Next();
    }
}
