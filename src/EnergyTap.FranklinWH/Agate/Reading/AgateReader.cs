using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.FranklinWH.Agate.Reading;

/// <summary>Turns a SunSpec snapshot and the vendor registers into readings. Pure: no I/O.</summary>
internal sealed class AgateReader(AgateControlOptions options, OnGridModeNames modeNames)
{
    private static readonly BatteryStateClassifier Convention = new();
    private readonly BatteryStateClassifier classifier = new(options.DcwPositiveIsCharging);

    public BatteryReading Battery(SunSpecSnapshot s)
    {
        var ports = new List<BatteryPortReading>();
        var count = (int)(Number(s, "714.NPrt") ?? 0);
        for (var i = 1; i <= count; i++)
        {
            var prt = $"714.Prt[{i}].";
            var watts = classifier.DischargeWatts(Number(s, prt + "DCW"));
            var volts = Number(s, prt + "DCV");
            ports.Add(new BatteryPortReading(i, Text(s, prt + "IDStr"), watts, volts, Amps(watts, volts), Number(s, prt + "Tmp"),
                classifier.Classify(Number(s, prt + "DCW")), s.Read(prt + "DCSta").Symbol));
        }

        var dcw = Number(s, "714.DCW");
        var portSum = ports.Count > 0 && ports.All(p => p.DcWatts is not null) ? Sum(ports.Select(p => p.DcWatts)) : null;
        var total = classifier.DischargeWatts(dcw) ?? portSum;
        var corrected = false;

        // Each aPower stays far below 32.767 kW, so their sum shows whether the int16 total wrapped.
        if (dcw is not null && portSum is { } sum && total is { } read && Int16Wrap.Unwrap(read, sum, Int16Wrap.Turn(s, "714.DCW")) is { } unwrapped)
        {
            (total, corrected) = (unwrapped, true);
        }

        var volts714 = ports.Select(p => p.DcVolts).OfType<double>().DefaultIfEmpty().Average() is var v and > 0 ? v : (double?)null;
        return new BatteryReading(
            Number(s, "713.SoC"),
            Number(s, "713.SoH"),
            Number(s, "713.WHRtg"),
            Number(s, "713.WHAvail"),
            total,
            volts714,
            Amps(total, volts714),
            ports.Select(p => p.TemperatureC).OfType<double>().Cast<double?>().Max(),
            // total is already positive = discharging, the default classifier's convention.
            Convention.Classify(total),
            (int?)Number(s, "713.Sta"),
            ports)
        { PowerCorrected = corrected };
    }

    /// <summary>
    /// The four flows of one poll, with 701 W undone from its int16 wrap when the balance of the others
    /// (home = solar + battery + grid) says it wrapped; the battery was already checked against its aPowers.
    /// </summary>
    public SiteFlows Flows(SunSpecSnapshot s, VendorRegisterValues vendor)
    {
        var battery = Battery(s);
        var solar = Solar(s, vendor);
        var grid = Grid(s);
        var home = HomeLoad(vendor);
        if (home.Watts is not { } load || solar.Watts is not { } sun)
        {
            return new SiteFlows(battery, solar, grid, home);
        }

        var turn = Int16Wrap.Turn(s, "701.W");
        if (grid.ImportWatts is { } import && battery.DcWatts is { } discharge
            && Int16Wrap.Unwrap(import, load - sun - discharge, turn) is { } unwrappedGrid)
        {
            grid = grid with { ImportWatts = unwrappedGrid, PowerCorrected = true };
        }
        else if (!battery.PowerCorrected && battery.DcWatts is { } batteryWatts && grid.ImportWatts is { } gridWatts
            && Int16Wrap.Unwrap(batteryWatts, load - sun - gridWatts, Int16Wrap.Turn(s, "714.DCW")) is { } unwrappedBattery)
        {
            // No aPower values to check against: the balance is the only witness left.
            battery = battery with
            {
                DcWatts = unwrappedBattery,
                DcAmps = Amps(unwrappedBattery, battery.DcVolts),
                State = Convention.Classify(unwrappedBattery),
                PowerCorrected = true,
            };
        }

        return new SiteFlows(battery, solar, grid, home);
    }

    public static SolarReading Solar(SunSpecSnapshot s, VendorRegisterValues vendor)
    {
        var model502 = s.Map.Find(502) is null ? null : Number(s, "502.OutPw");
        var vendorWatts = vendor.Raw(AgateVendorRegisters.SolarWatts);
        return new SolarReading(vendorWatts ?? model502, vendorWatts, model502, vendor.UInt32(AgateVendorRegisters.EnergyCounterA));
    }

    public static GridReading Grid(SunSpecSnapshot s) =>
        new(-Number(s, "701.W"), Number(s, "701.LLV"), Number(s, "701.Hz"), Number(s, "701.PF"))
        {
            Connected = (Number(s, "701.St") ?? Number(s, "701.ConnSt")) is { } state ? state == 1 : null,
        };

    public static HomeLoadReading HomeLoad(VendorRegisterValues vendor)
    {
        double? fine = vendor.Raw(AgateVendorRegisters.HomeLoadWatts);
        double? coarse = vendor.Raw(AgateVendorRegisters.HomeLoadCoarseWatts);
        return new HomeLoadReading(fine ?? coarse, coarse, vendor.UInt32(AgateVendorRegisters.EnergyCounterB));
    }

    public static ControlStatus Control(SunSpecSnapshot s, PowerRatings ratings, CommandTimerStatus timer)
    {
        var enabled = (int?)Number(s, "704.WSetEna");
        var pct = Number(s, "704.WSetPct");
        double? commanded = enabled == 1 && pct is { } p ? Math.Round(WSetPctSetpoint.Watts(p, ratings)) : null;
        return new ControlStatus(enabled, (int?)Number(s, "704.WSetMod"), pct, Number(s, "704.WSet"), commanded,
            (long?)Number(s, "704.WSetRvrtTms"), (long?)Number(s, "704.WSetRvrtRem"), (int?)Number(s, "704.PFWInjEna"), timer);
    }

    public NativeModeReading NativeMode(VendorRegisterValues vendor, ExtensionAccess access) =>
        new(modeNames.Describe(vendor.Raw(AgateVendorRegisters.OnGridMode), options.ModeNumbering),
            vendor.Raw(AgateVendorRegisters.SelfReserve), vendor.Raw(AgateVendorRegisters.TouReserve), access);

    public static Nameplate Nameplate(SunSpecSnapshot s, PowerRatings ratings) => new(
        Text(s, "1.Mn"), Text(s, "1.Md"), Text(s, "1.Opt"), Text(s, "1.Vr"), Text(s, "1.SN"),
        Number(s, "702.WMaxRtg"), Number(s, "702.WChaRteMaxRtg"), Number(s, "702.WDisChaRteMaxRtg"), ratings,
        Number(s, "713.WHRtg"), (int)(Number(s, "714.NPrt") ?? 0), [.. s.Map.Models.Select(m => m.Id)], s.Map.BaseAddress);

    public static PowerRatings Ratings(SunSpecSnapshot s, double fallbackWatts) =>
        PowerRatings.Resolve(Number(s, "702.WChaRteMaxRtg"), Number(s, "702.WDisChaRteMaxRtg"), fallbackWatts);

    /// <summary>A numeric point in human units, null when not implemented or not part of this device.</summary>
    public static double? Number(SunSpecSnapshot s, string name) => PointValues.AsDouble(s.Read(name).Value);

    private static string? Text(SunSpecSnapshot s, string name) => s.Read(name).Value as string;

    private static double? Amps(double? watts, double? volts) =>
        watts is { } w && volts is { } v and > 1 ? Math.Round(w / v, 2) : null;

    private static double? Sum(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToList();
        return known.Count == 0 ? null : known.Sum();
    }
}
