using EnergyTap.FranklinWH.Agate.Reading;
using EnergyTap.FranklinWH.Agate.Revert;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.FranklinWH.Agate.Health;

/// <summary>Collects what the health rules need from one poll. The bounds are what a real aGate can produce.</summary>
internal static class AgateHealthSampler
{
    public static HealthSample Sample(SunSpecSnapshot s, VendorRegisterValues vendor, ActiveCommandRecord? record, IReadOnlyList<LiveSample> live, DateTimeOffset now)
    {
        double? N(string name) => AgateReader.Number(s, name);
        var bounded = new List<BoundedValue>
        {
            new("713.SoC", N("713.SoC"), 0, 100),
            new("713.SoH", N("713.SoH"), 0, 100),
            new("714.DCW", N("714.DCW"), -30_000, 30_000),
            new("701.W", N("701.W"), -50_000, 50_000),
            new("15502 solar W", vendor.Raw(AgateVendorRegisters.SolarWatts), 0, 30_000),
            new("16000 home load W", vendor.Raw(AgateVendorRegisters.HomeLoadWatts), 0, 50_000),
            new("15508 self reserve %", vendor.Raw(AgateVendorRegisters.SelfReserve), 0, 100),
        };
        var ports = (int)(N("714.NPrt") ?? 0);
        for (var i = 1; i <= ports; i++)
        {
            bounded.Add(new($"714.Prt[{i}].DCV", N($"714.Prt[{i}].DCV"), 0, 1_000));
            bounded.Add(new($"714.Prt[{i}].Tmp", N($"714.Prt[{i}].Tmp"), -40, 100));
        }

        return new HealthSample(now, (int?)N("704.WSetEna"), (int?)N("704.WSetMod"), N("704.WSetPct"), N("704.WSet"), (int?)N("704.PFWInjEna"),
            CommandOwned: record is not null, CommandExpired: record?.IsExpired(now) ?? false, bounded, live);
    }
}
