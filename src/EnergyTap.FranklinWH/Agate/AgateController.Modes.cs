using System.Globalization;
using EnergyTap.FranklinWH.Agate.Modes;
using EnergyTap.FranklinWH.Agate.Reading;
using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.FranklinWH.Agate;

/// <summary>The native-mode write (15507), allowed only for a number confirmed on this aGate.</summary>
public sealed partial class AgateController
{
    /// <summary>
    /// Switches the aGate's native mode by writing 15507 with the number <paramref name="confirmed"/> holds
    /// for <paramref name="mode"/>, and reads it back. Refused before anything is written when the number
    /// was never confirmed here or 15507 does not take writes (it probes, which moves 15508 by 1 % and
    /// restores it). Writing 15507 resets the reserves on the aGate; the result carries them before and after.
    /// </summary>
    public async Task<ModeChange> ChangeModeAsync(WorkMode mode, ConfirmedModes confirmed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        var raw = confirmed.RawOf(mode)
            ?? throw new AgateCommandRefusedException($"no 15507 number is confirmed for {WorkModeNames.Name(mode)} on this aGate, so nothing was written");
        var before = await ReadNativeModeAsync(cancellationToken);
        if (before.Mode.Raw == raw)
        {
            return new ModeChange(before, before);
        }

        if (ExtensionAccess == ExtensionAccess.NotProbed)
        {
            await ProbeExtensionAccessAsync(cancellationToken);
        }

        if (ExtensionAccess != ExtensionAccess.Writable)
        {
            throw new AgateCommandRefusedException("15507 does not take writes on this aGate (the installer's SPAN Modbus unlock is off), so nothing was written");
        }

        await modbus.WriteSingleRegisterAsync(options.UnitId, AgateVendorRegisters.OnGridMode, (ushort)raw, cancellationToken);
        await Task.Delay(options.Control.Settling, clock, cancellationToken);
        var after = await ReadNativeModeAsync(cancellationToken);
        if (after.Mode.Raw != raw)
        {
            throw new AgateWriteNotAppliedException("15507 OnGridMode", raw.ToString(CultureInfo.InvariantCulture),
                after.Mode.Raw?.ToString(CultureInfo.InvariantCulture) ?? "nothing");
        }

        return new ModeChange(before, after);
    }
}

/// <summary>The native mode and reserves before and after a mode write (the write resets the reserves).</summary>
public sealed record ModeChange(NativeModeReading Before, NativeModeReading After)
{
    public bool Changed => Before.Mode.Raw != After.Mode.Raw;

    public bool ReservesReset => Before.SelfReservePercent != After.SelfReservePercent || Before.TouReservePercent != After.TouReservePercent;
}
