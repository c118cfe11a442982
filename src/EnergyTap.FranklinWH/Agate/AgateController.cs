using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.FranklinWH.Agate.Health;
using EnergyTap.FranklinWH.Agate.Reading;
using EnergyTap.FranklinWH.Agate.Revert;
using EnergyTap.Modbus;
using EnergyTap.SunSpec;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Writing;
using Microsoft.Extensions.Logging;

namespace EnergyTap.FranklinWH.Agate;

/// <summary>
/// Safe control and reading of one FranklinWH aGate over Modbus TCP. Connecting scans the SunSpec chain
/// once (the map is kept), reads nothing else, and releases a command whose software revert deadline has
/// passed — whichever EnergyTap process set it. Readers never write. Commands go through the verified
/// four-step sequence and are refused before anything is written when they break a limit.
/// </summary>
public sealed partial class AgateController : IAsyncDisposable
{
    private static readonly int[] RequiredModels = [702, 704, 713, 714];
    private static readonly int[] StatusModels = [701, 702, 704, 713, 714];

    private readonly ModbusTcpClient modbus;
    private readonly SunSpecDevice device;
    private readonly AgateConnectionOptions options;
    private readonly RevertStore store;
    private readonly ControlSequence sequence;
    private readonly AgateReader reader;
    private readonly TimeProvider clock;

    private AgateController(ModbusTcpClient modbus, SunSpecDevice device, AgateConnectionOptions options, RevertStore store)
    {
        this.modbus = modbus;
        this.device = device;
        this.options = options;
        this.store = store;
        clock = options.TimeProvider;
        sequence = new ControlSequence(device, store, options.DeviceKey, options.Control, clock);
        reader = new AgateReader(options.Control, OnGridModeNames.Builtin);
    }

    /// <summary>The key this aGate's command is recorded under (host:port).</summary>
    public string DeviceKey => options.DeviceKey;

    /// <summary>The revert store this controller records commands in.</summary>
    public RevertStore Store => store;

    /// <summary>What the aGate reported when the chain was scanned.</summary>
    public Nameplate Nameplate { get; private set; } = null!;

    /// <summary>Whether 15507–15509 take writes; <see cref="ExtensionAccess.NotProbed"/> until <see cref="ProbeExtensionAccessAsync"/>.</summary>
    public ExtensionAccess ExtensionAccess { get; private set; } = ExtensionAccess.NotProbed;

    /// <summary>The command this connect released because its deadline had passed, if any.</summary>
    public ActiveCommandRecord? ReleasedOnConnect { get; private set; }

    /// <summary>
    /// Connects, scans the chain, checks it is an aGate-like device (models 702, 704, 713, 714) and, unless
    /// disabled, releases an expired command left by an earlier process.
    /// </summary>
    public static async Task<AgateController> ConnectAsync(AgateConnectionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Control.Validate();
        var modbus = new ModbusTcpClient(new ModbusClientOptions
        {
            Host = options.Host,
            Port = options.Port,
            RequestTimeout = options.RequestTimeout,
            ConnectTimeout = options.ConnectTimeout,
            Logger = options.Logger,
        });
        try
        {
            await modbus.ConnectAsync(cancellationToken);
            var scanned = await SunSpecScanner.ScanAsync(modbus, new SunSpecScanOptions { UnitId = options.UnitId, Logger = options.Logger }, cancellationToken);
            var missing = RequiredModels.Where(id => scanned.Map.Find(id) is null).ToList();
            if (missing.Count > 0)
            {
                throw new AgateNotSupportedException($"{options.Host}:{options.Port} is a SunSpec device without model(s) {string.Join(", ", missing)}; it is not an aGate");
            }

            // The scan already read every register; keep them, but let settling follow the caller's clock.
            var device = new SunSpecDevice(modbus, scanned.Map, options.UnitId, scanned.Latest.Registers, options.TimeProvider, options.Logger);
            var controller = new AgateController(modbus, device, options, options.Store ?? new RevertStore());
            var snapshot = device.Latest;
            controller.Nameplate = AgateReader.Nameplate(snapshot, AgateReader.Ratings(snapshot, options.Control.FallbackRatingWatts));
            if (options.Control.ReleaseExpiredOnConnect)
            {
                controller.ReleasedOnConnect = await controller.ReleaseIfExpiredAsync(cancellationToken);
            }

            return controller;
        }
        catch
        {
            await modbus.DisposeAsync();
            throw;
        }
    }

    // ---- Commands ----

    public Task<CommandResult> ChargeAsync(int watts, TimeSpan? revertAfter = null, CancellationToken cancellationToken = default) =>
        SendAsync(BatteryCommand.Charge(watts), revertAfter, cancellationToken);

    public Task<CommandResult> DischargeAsync(int watts, TimeSpan? revertAfter = null, CancellationToken cancellationToken = default) =>
        SendAsync(BatteryCommand.Discharge(watts), revertAfter, cancellationToken);

    /// <summary>Holds the battery at 0 W under Modbus control (the aGate's own mode is suspended).</summary>
    public Task<CommandResult> IdleAsync(TimeSpan? revertAfter = null, CancellationToken cancellationToken = default) =>
        SendAsync(BatteryCommand.Idle, revertAfter, cancellationToken);

    /// <summary>
    /// Checks limits (nothing is written when refused), records the command and its deadline, runs the
    /// verified sequence. Without <paramref name="revertAfter"/> the command persists until released.
    /// </summary>
    public async Task<CommandResult> SendAsync(BatteryCommand command, TimeSpan? revertAfter = null, CancellationToken cancellationToken = default)
    {
        var result = await sequence.SendAsync(command, revertAfter, cancellationToken);
        Log.CommandSent(options.Logger, command.ToString(), result.WSetPct, result.Deadline);
        return result;
    }

    /// <summary>
    /// For a caller that keeps the deadline itself (the server's supervisor): the same verified sequence, recorded
    /// with that deadline and owner, so other EnergyTap processes see whose command it is and when it ends.
    /// </summary>
    public async Task<CommandResult> SendAsync(BatteryCommand command, CommandHold hold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var result = await sequence.SendAsync(command, null, cancellationToken, hold);
        Log.CommandSent(options.Logger, command.ToString(), result.WSetPct, result.Deadline);
        return result;
    }

    /// <summary>Hands the battery back to the aGate: WSetEna=0, WSet=0, WSetPct=0, verified; forgets the command.</summary>
    public async Task<ReleaseResult> ReleaseAsync(CancellationToken cancellationToken = default)
    {
        var result = await sequence.ReleaseAsync(cancellationToken);
        Log.Released(options.Logger, result.Released?.Command.ToString() ?? "none");
        return result;
    }

    /// <summary>Releases the command if its revert deadline has passed; returns what was released.</summary>
    public async Task<ActiveCommandRecord?> ReleaseIfExpiredAsync(CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(options.DeviceKey, cancellationToken);
        if (record is null || !record.IsExpired(clock.GetUtcNow()))
        {
            return null;
        }

        await sequence.ReleaseAsync(cancellationToken);
        return record;
    }

    /// <summary>The software revert timer of the command EnergyTap left on this aGate.</summary>
    public async Task<CommandTimerStatus> GetTimerStatusAsync(CancellationToken cancellationToken = default) =>
        CommandTimerStatus.From(await store.GetAsync(options.DeviceKey, cancellationToken), clock.GetUtcNow());

    /// <summary>
    /// Waits in the foreground until the active command's deadline (reporting the time left about once a
    /// second), then releases it. If <paramref name="stop"/> fires first (Ctrl-C) it releases at once.
    /// A command replaced or released by another process in the meantime is left alone (null Released).
    /// </summary>
    public async Task<ReleaseResult> HoldUntilDeadlineAsync(Action<TimeSpan>? countdown, CancellationToken stop)
    {
        var record = await store.GetAsync(options.DeviceKey, CancellationToken.None)
            ?? throw new AgateException("no active command is recorded for this aGate");
        if (record.Deadline is not { } deadline)
        {
            throw new AgateException("the active command has no revert deadline");
        }

        try
        {
            while (clock.GetUtcNow() < deadline)
            {
                var left = deadline - clock.GetUtcNow();
                countdown?.Invoke(left);
                await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), clock, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Interrupted: release now rather than leave the command running.
        }

        // If another EnergyTap process replaced or released the command meanwhile, it is theirs now: leave it.
        using var timeout = new CancellationTokenSource(options.RequestTimeout * 4);
        var current = await store.GetAsync(options.DeviceKey, timeout.Token);
        if (current is null || current.IssuedAt != record.IssuedAt || current.ProcessId != record.ProcessId || current.Command != record.Command)
        {
            return new ReleaseResult(null, WasEnabled: false);
        }

        return await ReleaseAsync(timeout.Token);
    }

    /// <summary>Turns the aGate's power factor correction (704 PFWInjEna) on or off, verified. Do not leave it off.</summary>
    public Task SetPowerFactorCorrectionAsync(bool enabled, CancellationToken cancellationToken = default) =>
        VerifiedSteps.RunAsync(device, options.Control.Settling, cancellationToken, new PointWrite("704.PFWInjEna", enabled ? 1 : 0));

    /// <summary>
    /// Finds out whether 15507–15509 take writes. This WRITES: it sets the self reserve (15508) one step
    /// away from its value, reads it back and restores the original, verified. 15507 is never touched
    /// (writing it resets the reserves). A same-value write would prove nothing, because the aGate
    /// acknowledges writes it discards.
    /// </summary>
    public async Task<ExtensionAccess> ProbeExtensionAccessAsync(CancellationToken cancellationToken = default)
    {
        var original = (await modbus.ReadHoldingRegistersAsync(options.UnitId, AgateVendorRegisters.SelfReserve, 1, cancellationToken))[0];
        var probe = (ushort)(original >= 100 ? original - 1 : original + 1);
        await modbus.WriteSingleRegisterAsync(options.UnitId, AgateVendorRegisters.SelfReserve, probe, cancellationToken);
        await Task.Delay(options.Control.Settling, clock, cancellationToken);
        var after = (await modbus.ReadHoldingRegistersAsync(options.UnitId, AgateVendorRegisters.SelfReserve, 1, cancellationToken))[0];
        if (after == probe)
        {
            await modbus.WriteSingleRegisterAsync(options.UnitId, AgateVendorRegisters.SelfReserve, original, cancellationToken);
            await Task.Delay(options.Control.Settling, clock, cancellationToken);
            var restored = (await modbus.ReadHoldingRegistersAsync(options.UnitId, AgateVendorRegisters.SelfReserve, 1, cancellationToken))[0];
            if (restored != original)
            {
                throw new AgateWriteNotAppliedException("15508 SelfReserve", original.ToString(System.Globalization.CultureInfo.InvariantCulture), restored.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        ExtensionAccess = after == probe ? ExtensionAccess.Writable : ExtensionAccess.ReadOnly;
        return ExtensionAccess;
    }

    // ---- Readers (never write) ----

    public async Task<AgateStatus> ReadStatusAsync(CancellationToken cancellationToken = default)
    {
        var (snapshot, vendor) = await PollAsync(cancellationToken);
        var ratings = AgateReader.Ratings(snapshot, options.Control.FallbackRatingWatts);
        var timer = await GetTimerStatusAsync(cancellationToken);
        var flows = reader.Flows(snapshot, vendor);
        return new AgateStatus(
            clock.GetUtcNow(),
            flows.Battery,
            flows.Solar,
            flows.Grid,
            flows.HomeLoad,
            AgateReader.Control(snapshot, ratings, timer),
            reader.NativeMode(vendor, ExtensionAccess));
    }

    public async Task<BatteryReading> ReadBatteryAsync(CancellationToken cancellationToken = default) =>
        reader.Battery(await device.PollAsync([713, 714], cancellationToken));

    public async Task<SolarReading> ReadSolarAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = device.Map.Find(502) is null ? device.Latest : await device.PollAsync([502], cancellationToken);
        return AgateReader.Solar(snapshot, await VendorRegisterValues.ReadAsync(modbus, options.UnitId, cancellationToken));
    }

    /// <summary>701 alone: without the other flows a wrapped 701 W cannot be told apart (<see cref="ReadStatusAsync"/> corrects it).</summary>
    public async Task<GridReading> ReadGridAsync(CancellationToken cancellationToken = default) =>
        AgateReader.Grid(await device.PollAsync([701], cancellationToken));

    public async Task<HomeLoadReading> ReadHomeLoadAsync(CancellationToken cancellationToken = default) =>
        AgateReader.HomeLoad(await VendorRegisterValues.ReadAsync(modbus, options.UnitId, cancellationToken));

    public async Task<ControlStatus> ReadControlStatusAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await device.PollAsync([702, 704], cancellationToken);
        return AgateReader.Control(snapshot, AgateReader.Ratings(snapshot, options.Control.FallbackRatingWatts), await GetTimerStatusAsync(cancellationToken));
    }

    public async Task<NativeModeReading> ReadNativeModeAsync(CancellationToken cancellationToken = default) =>
        reader.NativeMode(await VendorRegisterValues.ReadAsync(modbus, options.UnitId, cancellationToken), ExtensionAccess);

    public async Task<Nameplate> ReadNameplateAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await device.PollAsync([1, 702, 713, 714], cancellationToken);
        Nameplate = AgateReader.Nameplate(snapshot, AgateReader.Ratings(snapshot, options.Control.FallbackRatingWatts));
        return Nameplate;
    }

    // ---- Health ----

    /// <summary>
    /// Reads the control registers and the live values <paramref name="samples"/> times, <paramref name="spacing"/>
    /// apart (to see frozen readings), and evaluates the health rules. Read-only.
    /// </summary>
    /// <remarks>
    /// <paramref name="heldElsewhere"/> is a command another EnergyTap process reports holding (a server's API) when the
    /// shared record has none, e.g. a server running as another user with its own state file: it owns the control too.
    /// </remarks>
    public async Task<HealthReport> CheckHealthAsync(int samples = 2, TimeSpan? spacing = null, CancellationToken cancellationToken = default, ActiveCommandRecord? heldElsewhere = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var live = new List<LiveSample>();
        var (snapshot, vendor) = await PollAsync(cancellationToken);
        for (var i = 0; ; i++)
        {
            var flows = reader.Flows(snapshot, vendor);
            live.Add(new LiveSample(clock.GetUtcNow(), flows.Battery.SocPercent, flows.Battery.DcWatts, flows.HomeLoad.Watts, flows.Grid.ImportWatts));
            if (i + 1 >= samples)
            {
                break;
            }

            await Task.Delay(spacing ?? TimeSpan.FromSeconds(2), clock, cancellationToken);
            (snapshot, vendor) = await PollAsync(cancellationToken);
        }

        var record = await store.GetAsync(options.DeviceKey, cancellationToken) ?? heldElsewhere;
        return HealthRules.Evaluate(AgateHealthSampler.Sample(snapshot, vendor, record, live, clock.GetUtcNow()));
    }

    public async ValueTask DisposeAsync() => await modbus.DisposeAsync();

    private async Task<(SunSpec.Points.SunSpecSnapshot, VendorRegisterValues)> PollAsync(CancellationToken cancellationToken)
    {
        var models = StatusModels.Concat(device.Map.Find(502) is null ? [] : [502]);
        var snapshot = await device.PollAsync(models, cancellationToken);
        var vendor = await VendorRegisterValues.ReadAsync(modbus, options.UnitId, cancellationToken);
        return (snapshot, vendor);
    }
}
