using EnergyTap.FranklinWH.Agate.Revert;
using EnergyTap.SunSpec;
using EnergyTap.SunSpec.Codecs;
using EnergyTap.SunSpec.Writing;

namespace EnergyTap.FranklinWH.Agate.Control;

/// <summary>
/// The only way EnergyTap writes the aGate's battery control registers:
/// 1 STOP WSetEna=0 → 2 CONFIG WSetMod=0 + WSetPct → 3 ENABLE WSetEna=1 → 4 VERIFY, each step read back
/// after a settling pause. WSet is never written together with WSetPct (the aGate would flicker); it is
/// only zeroed, while control is off. The command is recorded in the revert store before the first write,
/// so a process killed half-way still leaves a record the next EnergyTap run acts on.
/// </summary>
internal sealed class ControlSequence(SunSpecDevice device, RevertStore store, string deviceKey, AgateControlOptions options, TimeProvider clock)
{
    /// <summary>
    /// <paramref name="revertAfter"/> sets the deadline relative to now; a caller that keeps its own deadline passes it
    /// as <paramref name="hold"/> instead, so the record carries that deadline and owner rather than "no revert".
    /// </summary>
    public async Task<CommandResult> SendAsync(BatteryCommand requested, TimeSpan? revertAfter, CancellationToken cancellationToken, CommandHold? hold = null)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (revertAfter is { } after && after <= TimeSpan.Zero)
        {
            throw new AgateCommandRefusedException($"refused: the revert time must be positive (got {after.TotalSeconds:0.###} s)");
        }

        if (hold is not null && revertAfter is not null)
        {
            throw new ArgumentException("give either a revert time or a hold, not both", nameof(hold));
        }

        if (requested.Watts < 0)
        {
            // Checked before any read, so bad input never even reaches the device.
            CommandLimits.Check(requested, PowerRatings.Resolve(null, null, options.FallbackRatingWatts), null, options.ReserveSocPercent);
        }

        var state = await device.ReadAsync(["702.WChaRteMaxRtg", "702.WDisChaRteMaxRtg", "713.SoC", "704.WSetPct_SF", "704.WSet"], cancellationToken);
        var ratings = PowerRatings.Resolve(Number(state[0].Value), Number(state[1].Value), options.FallbackRatingWatts);
        var soc = Number(state[2].Value);
        var scale = (int)(Number(state[3].Value) ?? 0);
        var wset = Number(state[4].Value);

        var command = options.SocRamp is { } ramp && soc is { } level ? ramp.Apply(requested, level) : requested;
        CommandLimits.Check(command, ratings, soc, options.ReserveSocPercent);
        var percent = WSetPctSetpoint.Percent(command, ratings);
        var raw = WSetPctSetpoint.Raw(percent, scale);

        var now = clock.GetUtcNow();
        var deadline = hold?.Deadline ?? (revertAfter is { } span ? now + span : null);
        await store.SaveAsync(new ActiveCommandRecord(deviceKey, command, percent, now, deadline, Environment.ProcessId, hold?.Owner), cancellationToken);
        try
        {
            PointWrite[] stop = wset is null or 0
                ? [new("704.WSetEna", 0)]
                : [new("704.WSetEna", 0), new("704.WSet", new RawValue(0))];
            await VerifiedSteps.RunAsync(device, options.Settling, cancellationToken, stop);
            await VerifiedSteps.RunAsync(device, options.Settling, cancellationToken, new PointWrite("704.WSetMod", 0), new PointWrite("704.WSetPct", new RawValue(raw)));
            await VerifiedSteps.RunAsync(device, options.Settling, cancellationToken, new PointWrite("704.WSetEna", 1));
            await VerifyActiveAsync(raw, cancellationToken);
        }
        catch (Exception ex) when (ex is not AgateCommandRefusedException)
        {
            // Never leave a half-applied command behind: hand the battery back, then report the failure.
            await TryReleaseAfterFailureAsync();
            throw;
        }

        return new CommandResult(requested, command, percent, raw, ratings, deadline);
    }

    /// <summary>WSetEna=0, then WSet=0 and WSetPct=0, each verified; then forgets the command.</summary>
    public async Task<ReleaseResult> ReleaseAsync(CancellationToken cancellationToken)
    {
        var before = await device.ReadAsync(["704.WSetEna"], cancellationToken);
        await VerifiedSteps.RunAsync(device, options.Settling, cancellationToken, new PointWrite("704.WSetEna", 0));
        await VerifiedSteps.RunAsync(device, options.Settling, cancellationToken, new PointWrite("704.WSet", new RawValue(0)), new PointWrite("704.WSetPct", new RawValue(0)));
        var record = await store.GetAsync(deviceKey, cancellationToken);
        await store.RemoveAsync(deviceKey, cancellationToken);
        return new ReleaseResult(record, Number(before[0].Value) == 1);
    }

    private async Task VerifyActiveAsync(short raw, CancellationToken cancellationToken)
    {
        var check = await device.ReadAsync(["704.WSetEna", "704.WSetMod", "704.WSetPct"], cancellationToken);
        var expectedPct = device.Latest.Read("704.WSetPct_SF").Value is long sf ? raw * Math.Pow(10, sf) : raw;
        if (Number(check[0].Value) != 1)
        {
            throw new AgateWriteNotAppliedException("704.WSetEna", "1", check[0].Display);
        }

        if (Number(check[1].Value) != 0)
        {
            throw new AgateWriteNotAppliedException("704.WSetMod", "0", check[1].Display);
        }

        if (Number(check[2].Value) is not { } pct || Math.Abs(pct - expectedPct) > 1e-9)
        {
            throw new AgateWriteNotAppliedException("704.WSetPct", expectedPct.ToString(System.Globalization.CultureInfo.InvariantCulture), check[2].Display);
        }
    }

    private async Task TryReleaseAfterFailureAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await ReleaseAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is AgateException or SunSpecException or Modbus.ModbusException or OperationCanceledException)
        {
            // The original failure is what the caller needs to see; the record stays so a later run retries the release.
        }
    }

    private static double? Number(object? value) => PointValues.AsDouble(value);
}
