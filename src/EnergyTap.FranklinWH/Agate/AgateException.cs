namespace EnergyTap.FranklinWH.Agate;

/// <summary>Base of every error the aGate controller raises; the message is one line a user can act on.</summary>
public class AgateException : Exception
{
    public AgateException(string message) : base(message) { }
    public AgateException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>A command was refused before anything was written (beyond the rating, below the reserve, bad input).</summary>
public sealed class AgateCommandRefusedException(string message) : AgateException(message);

/// <summary>
/// The aGate acknowledged a write but the value did not stick (read back differs): the "silent discard"
/// the firmware does for WMaxLimPct, VarSet, WRmp, ControllerHb, OpCtl, LocRemCtl and, without the SPAN
/// unlock, 15507–15509.
/// </summary>
public sealed class AgateWriteNotAppliedException(string point, string written, string readBack)
    : AgateException($"the aGate acknowledged {point} = {written} but reads back {readBack}: the write was silently discarded")
{
    public string Point { get; } = point;
}

/// <summary>The device does not look like an aGate (no model 704, no 713/714) or its map is unusable.</summary>
public sealed class AgateNotSupportedException(string message) : AgateException(message);
