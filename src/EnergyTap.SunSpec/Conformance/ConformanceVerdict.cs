namespace EnergyTap.SunSpec.Conformance;

public enum ConformanceVerdict
{
    /// <summary>Written, read back, and (where the diagnostic can tell) it had its effect.</summary>
    Works,

    /// <summary>The device acknowledged the write but the value did not stick (seed 002's "silent discard").</summary>
    SilentlyDiscarded,

    /// <summary>The device answered the write with a Modbus exception or did not answer.</summary>
    Rejected,

    /// <summary>The device does not have the model or point.</summary>
    NotImplemented,

    /// <summary>The value is stored (and may even count down) but the function it controls never happens.</summary>
    AcceptedWithoutEffect,
}
