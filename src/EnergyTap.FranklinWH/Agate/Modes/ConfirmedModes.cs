using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.FranklinWH.Agate.Modes;

/// <summary>
/// Which OnGridMode (15507) numbers mean which work mode on one aGate, learned by reading 15507 while
/// the FranklinWH cloud reported the work mode. Sources disagree on the numbering and mode ids are
/// site-specific, so this is the only basis on which EnergyTap names a number with confidence or
/// writes one. A contradiction (one number seen with two modes, or one mode with two numbers) removes
/// both pairs: nothing contradicted is trusted until it is seen again.
/// </summary>
public sealed record ConfirmedModes(IReadOnlyDictionary<int, WorkMode> ByRaw)
{
    public static ConfirmedModes None { get; } = new(new Dictionary<int, WorkMode>());

    public WorkMode? ModeOf(int raw) => ByRaw.TryGetValue(raw, out var mode) ? mode : null;

    public int? RawOf(WorkMode mode) => ByRaw.Where(p => p.Value == mode).Select(p => (int?)p.Key).FirstOrDefault();

    /// <summary>What one simultaneous reading of 15507 and the cloud's work mode teaches.</summary>
    public (ConfirmedModes Updated, ModeObservation Outcome) Observe(int raw, WorkMode mode)
    {
        if (ModeOf(raw) == mode)
        {
            return (this, ModeObservation.AlreadyConfirmed);
        }

        if (ModeOf(raw) is not null || RawOf(mode) is not null)
        {
            var kept = ByRaw.Where(p => p.Key != raw && p.Value != mode).ToDictionary();
            return (new ConfirmedModes(kept), ModeObservation.Contradicted);
        }

        return (new ConfirmedModes(new Dictionary<int, WorkMode>(ByRaw) { [raw] = mode }), ModeObservation.Confirmed);
    }
}

public enum ModeObservation
{
    Confirmed,
    AlreadyConfirmed,

    /// <summary>The pair disagrees with an earlier one; both are forgotten.</summary>
    Contradicted,
}
