namespace EnergyTap.Manager.Planning;

/// <summary>What the battery should do in one plan slot; the fast loop turns it into watts.</summary>
public enum Intent
{
    /// <summary>Charge from the grid (cheap slot).</summary>
    ChargeFromGrid,

    /// <summary>Neither charge nor discharge; keep the energy for later.</summary>
    Hold,

    /// <summary>Hold the grid at its target: charge from surplus solar, discharge to the load.</summary>
    SelfConsume,

    /// <summary>Discharge to the home load but never export.</summary>
    DischargeToLoad,

    /// <summary>Discharge beyond the load, exporting (dear export slot).</summary>
    Export,
}
