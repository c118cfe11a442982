using EnergyTap.Simulators.Pvs.Physics;

namespace EnergyTap.Simulators.Pvs;

/// <summary>
/// The simulated site: sun, panels, household load, battery and the supervisor's own health. Every reading is a
/// pure function of the clock (and the seed), bucketed by each device's refresh cadence, so values change only
/// at 5-minute (supervisor, inverters) and 15-second (meters) boundaries however often they are read.
/// </summary>
internal sealed class SimulatedPvs
{
    public static readonly TimeSpan SupervisorCadence = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan InverterCadence = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MeterCadence = TimeSpan.FromSeconds(15);

    private const double SunriseHour = 6;
    private const double SunsetHour = 18;
    private const double AverageClearness = 0.9;
    private const double NightSelfConsumptionKw = 0.015;
    private const double BatteryCapacityKwh = 13;
    private const double BatteryEfficiency = 0.92;
    private const double BatteryFloorSoc = 0.25;
    private const double ChargeKw = 1.8;
    private const double DischargeKw = 1.5;

    /// <summary>Energy counters start here (a plausible commissioning day), so lifetime kWh look like a few years' worth.</summary>
    private static readonly DateTimeOffset Commissioned = new(2022, 10, 14, 17, 10, 50, TimeSpan.Zero);

    private static readonly DailyProfile Sun = new(SunAt);
    private static readonly DailyProfile Night = new(h => SunAt(h) > 0 ? 0 : 1);
    private static readonly DailyProfile Load = new(LoadAt);
    private static readonly DailyProfile Charge = new(h => h is >= 9 and < 14 ? ChargeKw : 0);
    private static readonly DailyProfile Discharge = new(h => h >= 17 && h < 17 + DischargeHours ? DischargeKw : 0);
    private static readonly DailyProfile Stored = new(h => (Charge.KwAt(new(0, h)) * BatteryEfficiency) - Discharge.KwAt(new(0, h)));

    private readonly PvsSimulatorOptions _options;
    private readonly DeterministicNoise _noise;
    private readonly double _arrayPeakKw;
    private readonly DailyProfile _import;
    private readonly DailyProfile _export;
    private long _bootTicks;
    private PvsSettings _settings;
    private int _invertersDiscovered;

    public SimulatedPvs(PvsSimulatorOptions options)
    {
        _options = options;
        _noise = new DeterministicNoise(options.Seed);
        Inventory = PvsInventory.Create(options);
        _arrayPeakKw = Inventory.Inverters.Sum(i => i.Scale) * options.InverterPeakKw;
        _import = new DailyProfile(h => Math.Max(0, SmoothNetKw(h)));
        _export = new DailyProfile(h => Math.Max(0, -SmoothNetKw(h)));
        _bootTicks = (options.TimeProvider.GetUtcNow() - options.InitialUptime).UtcTicks;
        var start = options.TimeProvider.GetUtcNow();
        _invertersDiscovered = !options.InvertersMissingUntilSunrise || IsDaylightReport(start) ? 1 : 0;
        _settings = new PvsSettings("SELF_CONSUMPTION", 0.3, options.TelemetryEnabled);
    }

    private static double DischargeHours => ChargeKw * 5 * BatteryEfficiency / DischargeKw;

    public PvsInventory Inventory { get; }

    /// <summary>When the simulated PVS last (re)started; dl_uptime counts from here.</summary>
    public DateTimeOffset BootTime
    {
        get => new(Interlocked.Read(ref _bootTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _bootTicks, value.UtcTicks);
    }

    /// <summary>The owner-writable settings (ESS mode and reserve, telemetry switch), replaced as a whole.</summary>
    public PvsSettings Settings
    {
        get => Volatile.Read(ref _settings);
        set => Volatile.Write(ref _settings, value);
    }

    public static DateTimeOffset Floor(DateTimeOffset t, TimeSpan cadence) =>
        new(t.UtcTicks - (t.UtcTicks % cadence.Ticks), TimeSpan.Zero);

    public PvsSnapshot Read(DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        var production = ProductionMeter(now);
        var consumption = ConsumptionMeter(now);
        var ess = Inventory.Ess is null ? null : Battery(now);
        var liveData = new LiveDataReading(
            consumption.DataTime,
            production.PKw,
            production.NetKwh,
            consumption.PKw,
            consumption.NetKwh,
            production.PKw + consumption.PKw + (ess?.PKw ?? 0),
            production.NetKwh + consumption.NetKwh + ((ess?.DischargedKwh - ess?.ChargedKwh) ?? 0),
            ess?.PKw,
            ess is null ? null : ess.DischargedKwh - ess.ChargedKwh,
            ess?.Soc,
            ess?.BackupMinutes,
            ess is null ? null : 2);
        return new PvsSnapshot(now, Supervisor(now), production, consumption, Inverters(now), ess, liveData);
    }

    private List<InverterReading> Inverters(DateTimeOffset now)
    {
        if (Volatile.Read(ref _invertersDiscovered) == 0)
        {
            if (!IsDaylightReport(now))
            {
                return [];
            }

            Volatile.Write(ref _invertersDiscovered, 1);
        }

        return Inventory.Inverters.Select(i => Inverter(i, now)).ToList();
    }

    /// <summary>True when the inverters' current 5-minute report was taken with the sun up.</summary>
    private bool IsDaylightReport(DateTimeOffset now) => SunAt(Local(Floor(now, InverterCadence)).HourOfDay) > 0;

    private LocalInstant Local(DateTimeOffset t) => LocalInstant.From(t, _options.SiteUtcOffset);

    private static double SunAt(double hour) =>
        hour is > SunriseHour and < SunsetHour ? Math.Sin(Math.PI * (hour - SunriseHour) / (SunsetHour - SunriseHour)) : 0;

    /// <summary>Household load: a base, a breakfast bump and a bigger evening peak.</summary>
    private static double LoadAt(double hour) =>
        0.45 + (1.1 * Gauss(hour, 7.5, 1.0)) + (0.3 * Gauss(hour, 13, 2.5)) + (2.0 * Gauss(hour, 19, 1.5));

    private static double Gauss(double x, double mean, double sigma) => Math.Exp(-0.5 * Math.Pow((x - mean) / sigma, 2));

    private static double BatteryKw(double hour) => Discharge.KwAt(new(0, hour)) - Charge.KwAt(new(0, hour));

    private double SmoothNetKw(double hour) =>
        LoadAt(hour) - (_arrayPeakKw * AverageClearness * SunAt(hour)) + (_options.Ess ? 0 : NightSelfConsumptionKw * (SunAt(hour) > 0 ? 0 : 1))
        - (_options.Ess ? BatteryKw(hour) : 0);

    private double Clearness(DateTimeOffset t) =>
        _noise.Between(20, Floor(t, InverterCadence).UtcTicks / InverterCadence.Ticks, 0.8, 1.0);

    private double SolarKwh(DateTimeOffset until) => AverageClearness * Sun.KwhBetween(Local(Commissioned), Local(until));

    private SupervisorReading Supervisor(DateTimeOffset now)
    {
        var boot = BootTime;
        var bucket = Floor(now, SupervisorCadence);
        var dataTime = bucket < boot ? new DateTimeOffset(boot.UtcTicks - (boot.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : bucket;
        var index = bucket.UtcTicks / SupervisorCadence.Ticks;
        var uptime = (long)(dataTime - boot).TotalSeconds;
        return new SupervisorReading(
            dataTime,
            Math.Max(0, uptime),
            Math.Round(_noise.Between(30, index, 0.2, 0.9), 2),
            _noise.Integer(31, index, 38_000, 46_000),
            86_825 - (long)((now - Commissioned).TotalDays * 5 % 20_000),
            270 + (Math.Max(0, uptime) / 3600),
            _noise.Integer(32, index, 0, 600),
            (int)_noise.Integer(33, index, 0, 2));
    }

    private MeterReading ProductionMeter(DateTimeOffset now)
    {
        var bucket = Floor(now, MeterCadence);
        var index = bucket.UtcTicks / MeterCadence.Ticks;
        var sun = SunAt(Local(bucket).HourOfDay);
        var p = sun > 0
            ? _arrayPeakKw * sun * Clearness(bucket) * _noise.Between(40, index, 0.995, 1.005)
            : -NightSelfConsumptionKw * _noise.Between(41, index, 0.9, 1.1);
        var q = sun > 0 ? p * 0.05 : 0.3;
        var volts = _noise.Between(42, index, 238, 246);
        var energy = (_arrayPeakKw * SolarKwh(bucket)) - (NightSelfConsumptionKw * Night.KwhBetween(Local(Commissioned), Local(bucket)));
        return Meter(Inventory.ProductionMeterSerial, false, bucket, index, p, q, Math.Max(0, energy), Math.Max(0, energy), 0, volts);
    }

    private MeterReading ConsumptionMeter(DateTimeOffset now)
    {
        var bucket = Floor(now, MeterCadence);
        var index = bucket.UtcTicks / MeterCadence.Ticks;
        var hour = Local(bucket).HourOfDay;
        var load = LoadAt(hour) * _noise.Between(50, index, 0.85, 1.15);
        var pv = ProductionMeter(now).PKw;
        var net = load - pv - (Inventory.Ess is null ? 0 : BatteryKw(hour));
        var from = Local(Commissioned);
        var to = Local(bucket);
        var imported = _import.KwhBetween(from, to);
        var exported = _export.KwhBetween(from, to);
        var volts = _noise.Between(51, index, 238, 246);
        return Meter(Inventory.ConsumptionMeterSerial, true, bucket, index, net, load * 0.25, imported - exported, imported, exported, volts);
    }

    private MeterReading Meter(string serial, bool consumption, DateTimeOffset bucket, long index, double p, double q, double net, double pos, double neg, double v12)
    {
        var s = Math.Sqrt((p * p) + (q * q));
        var v1 = (v12 / 2) + _noise.Between(52, index, -0.8, 0.8);
        var v2 = v12 - v1;
        var p1 = p * 0.52;
        var p2 = p - p1;
        var model = Inventory.MeterModelPrefix + (consumption ? "c" : "p");
        return new MeterReading(serial, model, consumption, bucket, p, q, s, s == 0 ? 1 : p / s,
            _noise.Between(53, index, 59.98, 60.02), net, pos, neg, p1, p2,
            Math.Abs(p1) * 1000 / v1, Math.Abs(p2) * 1000 / v2, v1, v2, v12);
    }

    private InverterReading Inverter(InverterIdentity id, DateTimeOffset now)
    {
        var bucket = Floor(now, InverterCadence);
        var working = IsDaylightReport(now);
        var dataTime = working ? bucket : LastDaylightBucket(now);
        var index = dataTime.UtcTicks / InverterCadence.Ticks;
        var sun = SunAt(Local(dataTime).HourOfDay);
        var pAc = _options.InverterPeakKw * id.Scale * sun * Clearness(dataTime) * _noise.Between(60 + id.Index, index, 0.99, 1.01);
        var dcKw = pAc / 0.965;
        var acV = _noise.Between(1000 + id.Index, index, 240, 248);
        var dcV = sun > 0 ? _noise.Between(2000 + id.Index, index, 50.5, 53.5) : 0;
        return new InverterReading(
            id,
            working,
            dataTime,
            pAc,
            dcKw,
            pAc * 1000 / acV,
            acV,
            dcV > 0 ? dcKw * 1000 / dcV : 0,
            dcV,
            _noise.Between(3000 + id.Index, index, 59.98, 60.02),
            (int)Math.Round(15 + (25 * sun) + _noise.Between(4000 + id.Index, index, -1, 1)),
            _options.InverterPeakKw * id.Scale * SolarKwh(dataTime));
    }

    /// <summary>The last 5-minute report before sunset: what a PVS keeps showing for inverters all night.</summary>
    private DateTimeOffset LastDaylightBucket(DateTimeOffset now)
    {
        var local = now.UtcDateTime + _options.SiteUtcOffset;
        var day = local.TimeOfDay.TotalHours >= SunsetHour ? local.Date : local.Date.AddDays(-1);
        var lastReport = day.AddHours(SunsetHour) - InverterCadence - _options.SiteUtcOffset;
        return new DateTimeOffset(DateTime.SpecifyKind(lastReport, DateTimeKind.Utc));
    }

    private EssReading Battery(DateTimeOffset now)
    {
        var bucket = Floor(now, MeterCadence);
        var index = bucket.UtcTicks / MeterCadence.Ticks;
        var local = Local(bucket);
        var stored = Stored.KwhUntil(local) - Stored.KwhUntil(local with { HourOfDay = 0 });
        var soc = Math.Clamp(BatteryFloorSoc + (stored / BatteryCapacityKwh), 0, 1);
        var customerSoc = Math.Clamp((soc - 0.05) / 0.95, 0, 1);
        var load = LoadAt(local.HourOfDay);
        var settings = Settings;
        var usableKwh = Math.Max(0, customerSoc - settings.MinCustomerSoc) * BatteryCapacityKwh;
        var cellV = 3.2 + (0.15 * soc);
        var from = Local(Commissioned);
        return new EssReading(
            bucket,
            BatteryKw(local.HourOfDay),
            soc,
            customerSoc,
            0.98,
            Charge.KwhBetween(from, local),
            Discharge.KwhBetween(from, local),
            cellV * 16,
            cellV - 0.01,
            cellV + 0.01,
            _noise.Between(70, index, 22, 24),
            _noise.Between(71, index, 25, 27),
            _noise.Between(72, index, 32, 38),
            _noise.Between(73, index, 119, 122),
            _noise.Between(74, index, 119, 122),
            (int)(usableKwh / Math.Max(0.1, load) * 60),
            settings.ControlMode);
    }
}
