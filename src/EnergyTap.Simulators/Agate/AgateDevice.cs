using EnergyTap.FranklinWH.Agate.Reading;
using EnergyTap.Modbus;
using EnergyTap.Modbus.Server;
using EnergyTap.Simulators.Agate.Physics;
using EnergyTap.Simulators.Agate.Quirks;
using EnergyTap.SunSpec.Codecs;
using EnergyTap.SunSpec.Images;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.Simulators.Agate;

/// <summary>
/// The simulated aGate behind the Modbus server: one register bank (answering on unit ids 1 and 2), the
/// physics model, and the firmware's quirks. Registers are brought up to date on every client read, so the
/// simulation needs no timer and follows a fake clock exactly.
/// </summary>
internal sealed class AgateDevice
{
    private const ModbusRegisterKind Holding = ModbusRegisterKind.Holding;
    private const double DefaultReserve = 20;

    private readonly AgateSimulatorOptions options;
    private readonly TimeProvider clock;
    private readonly WriteAcceptance acceptance;
    private readonly RevertCountdown countdown = new();
    private readonly SolarDropouts dropouts;
    private readonly List<AgateWriteRecord> writes = [];
    private readonly DateTimeOffset started;

    public AgateDevice(AgateSimulatorOptions options)
    {
        this.options = options;
        clock = options.TimeProvider;
        started = clock.GetUtcNow();
        var site = options.PhysicsOptions;
        Physics = new AgatePhysics(site, clock);
        Image = AgateChain.Build(options, site);
        acceptance = new WriteAcceptance(Image, options.SpanUnlocked, options.DiscardWritesTo);
        dropouts = new SolarDropouts(options.Seed);

        Bank.Define(Holding, (ushort)Image.BaseAddress, Image.Registers);
        Bank.Define(Holding, 15500, 16);
        Bank.Define(Holding, AgateVendorRegisters.HomeLoadWatts, 1);
        Bank.Set(Holding, AgateVendorRegisters.OnGridMode, 2);
        SetReserve(site.ReserveSocPercent);
        Bank.AddWriteHook(OnWrite);
        Bank.AddReadHook(OnRead);
        Bank.Update(_ => Refresh());
    }

    public ModbusRegisterBank Bank { get; } = new();

    public SunSpecImage Image { get; }

    public AgatePhysics Physics { get; }

    public bool Flickering { get; private set; }

    public IReadOnlyList<AgateWriteRecord> Writes
    {
        get { lock (writes) { return [.. writes]; } }
    }

    public PointReading ReadPoint(string name)
    {
        var point = Image.Locate(name);
        PointReading reading = null!;
        Bank.Update(bank =>
        {
            Refresh();
            reading = SunSpecImage.Decode(point, a => bank.Get(Holding, (ushort)a));
        });
        return reading;
    }

    private ModbusExceptionCode? OnRead(ModbusReadRequest request)
    {
        if (request.Kind != Holding)
        {
            return null;
        }

        Refresh();
        var current = Bank.Get(Holding, request.Address, request.Count);
        current.CopyTo(request.Values, 0);
        if (request.Covers(AgateVendorRegisters.SolarWatts) && dropouts.NextReadDropsOut())
        {
            request.Override(AgateVendorRegisters.SolarWatts, AgateVendorRegisters.NoData);
        }

        return null;
    }

    /// <summary>
    /// Stores what the firmware would store, register by register, and keeps the old value of every
    /// discarded register. It stores itself and answers "discard" so the server stores nothing more.
    /// </summary>
    private ModbusWriteDecision OnWrite(ModbusWriteRequest request)
    {
        var now = clock.GetUtcNow();
        var values = request.Values.ToArray();
        var touched = new List<string>();
        var discarded = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            var address = request.Address + i;
            var name = acceptance.NameOf(address);
            if (!touched.Contains(name))
            {
                touched.Add(name);
            }

            if (!acceptance.Accepts(address))
            {
                values[i] = Bank.Get(Holding, (ushort)address);
                if (!discarded.Contains(name))
                {
                    discarded.Add(name);
                }
            }
        }

        lock (writes)
        {
            writes.Add(new AgateWriteRecord(now, request.UnitId, request.Address, request.Values.ToArray(), touched, discarded));
        }

        Refresh();
        Bank.Set(Holding, request.Address, values);
        AfterWrite(request, values, now);
        SyncCommand(now);
        return ModbusWriteDecision.Discard;
    }

    private void AfterWrite(ModbusWriteRequest request, ushort[] stored, DateTimeOffset now)
    {
        var rvrt = Image.Locate("704.WSetRvrtTms");
        if (request.Covers((ushort)rvrt.Address) && acceptance.Accepts(rvrt.Address))
        {
            countdown.Start(now, Convert.ToUInt32(Number("704.WSetRvrtTms") ?? 0));
        }

        if (!options.SpanUnlocked)
        {
            return;
        }

        // 15509 mirrors 15508, and writing the mode (15507) resets both reserves.
        if (request.Covers(AgateVendorRegisters.OnGridMode))
        {
            SetReserve(DefaultReserve);
        }
        else if (request.Covers(AgateVendorRegisters.SelfReserve))
        {
            SetReserve(stored[AgateVendorRegisters.SelfReserve - request.Address]);
        }
    }

    private void SetReserve(double percent)
    {
        Bank.Set(Holding, AgateVendorRegisters.SelfReserve, (ushort)percent);
        Bank.Set(Holding, AgateVendorRegisters.TouReserve, (ushort)percent);
        Physics.SetReserve(percent);
    }

    /// <summary>Turns the control registers into the battery power the physics should hold.</summary>
    private void SyncCommand(DateTimeOffset now)
    {
        if (Number("704.WSetEna") != 1)
        {
            Flickering = false;
            Physics.SetCommand(null);
            return;
        }

        var percent = Number("704.WSetPct") ?? 0;
        var wset = Number("704.WSet") ?? 0;
        Flickering = ModeFlicker.Applies(wset, percent);
        var mode = Flickering ? ModeFlicker.ModeAt(now) : (int)(Number("704.WSetMod") ?? 0);
        if (Flickering)
        {
            SetPoint("704.WSetMod", mode);
        }

        // The aGate's WSetPct sign is inverted (negative = charge); WSet keeps SunSpec's (positive = charge).
        // Physics uses positive = discharge. No input validation, like the firmware: 1500 % is accepted.
        var ratings = options.PhysicsOptions.TotalRatedWatts;
        Physics.SetCommand(mode == 0 ? percent / 100 * ratings : -wset);
    }

    /// <summary>Brings the measured registers up to the clock's present.</summary>
    private void Refresh()
    {
        var now = clock.GetUtcNow();
        SyncCommand(now);
        var flow = Physics.Now();
        var pfOn = Number("704.PFWInjEna") == 1;

        SetPoint("701.St", Physics.OffGrid ? "OFF" : "ON");
        SetWrapping("701.W", -flow.GridWatts);
        SetWrapping("701.VA", Math.Abs(flow.GridWatts));
        SetPoint("701.A", Math.Abs(flow.GridWatts) / 240);
        SetPoint("701.PF", pfOn ? 1.0 : 0.003);

        var capacity = options.Site.BatteryCapacityWh * options.Batteries;
        SetPoint("713.SoC", Math.Round(flow.SocPercent, 1));
        SetPoint("713.WHAvail", Math.Round(capacity * flow.SocPercent / 100));

        SetWrapping("714.DCW", Math.Round(flow.BatteryWatts));
        SetPoint("714.DCWhInj", new RawValue((long)flow.Batteries.Sum(b => b.DischargedWh)));
        SetPoint("714.DCWhAbs", new RawValue((long)flow.Batteries.Sum(b => b.ChargedWh)));
        foreach (var unit in flow.Batteries)
        {
            var prt = $"714.Prt[{unit.Index}].";
            SetPoint(prt + "DCV", unit.Volts);
            SetPoint(prt + "DCW", Math.Round(unit.Watts));
            SetPoint(prt + "Tmp", unit.TemperatureC);
            SetPoint(prt + "DCWhInj", new RawValue((long)unit.DischargedWh));
            SetPoint(prt + "DCWhAbs", new RawValue((long)unit.ChargedWh));
        }

        SetPoint("715.DERHb", new RawValue((long)(now - started).TotalSeconds));
        SetPoint("704.WSetRvrtRem", new RawValue(countdown.RemainingSeconds(now)));

        SetPoint("502.InW", flow.SolarWatts);
        SetPoint("502.OutPw", flow.SolarWatts);
        SetPoint("502.InWh", new RawValue((long)flow.SolarWh));
        SetPoint("502.OutWh", new RawValue((long)flow.SolarWh));

        Bank.Set(Holding, AgateVendorRegisters.SolarWatts, (ushort)Math.Clamp(flow.SolarWatts, 0, 65534));
        Bank.Set(Holding, AgateVendorRegisters.HomeLoadCoarseWatts, (ushort)(Math.Round(flow.HomeLoadWatts / 100) * 100));
        Bank.Set(Holding, AgateVendorRegisters.HomeLoadWatts, (ushort)Math.Clamp(flow.HomeLoadWatts, 0, 65534));
        SetUInt32(AgateVendorRegisters.EnergyCounterA, flow.SolarWh);
        SetUInt32(AgateVendorRegisters.EnergyCounterB, flow.HomeLoadWh);
    }

    private void SetUInt32(ushort address, double value)
    {
        var whole = (uint)Math.Clamp(value, 0, uint.MaxValue);
        Bank.Set(Holding, address, [(ushort)(whole >> 16), (ushort)whole]);
    }

    private void SetPoint(string name, object? value)
    {
        var point = Image.Locate(name);

        // Measurements land on the register's resolution, as a real device rounds them.
        if (value is double measured && point.ScaleFactorPoint is { } sfPoint
            && SunSpecImage.Decode(sfPoint, a => Bank.Get(Holding, (ushort)a)).Value is long sf)
        {
            value = new RawValue((long)Math.Round(measured / Math.Pow(10, sf), MidpointRounding.AwayFromZero));
        }

        Bank.Set(Holding, (ushort)point.Address, Image.Encode(point, value));
    }

    /// <summary>
    /// An int16 measurement as the firmware stores it: on a site above 32.767 kW the value does not fit and
    /// wraps around (40 kW import reads as 25.536 kW export), it is not clamped.
    /// </summary>
    private void SetWrapping(string name, double value)
    {
        var point = Image.Locate(name);
        var sf = point.ScaleFactorPoint is { } sfPoint && SunSpecImage.Decode(sfPoint, a => Bank.Get(Holding, (ushort)a)).Value is long f ? f : 0;
        var raw = (long)Math.Round(value / Math.Pow(10, sf), MidpointRounding.AwayFromZero);
        Bank.Set(Holding, (ushort)point.Address, unchecked((ushort)raw));
    }

    private double? Number(string name)
    {
        var point = Image.Locate(name);
        return SunSpecImage.Decode(point, a => Bank.Get(Holding, (ushort)a)).Value switch
        {
            double d => d,
            long l => l,
            _ => null,
        };
    }
}
