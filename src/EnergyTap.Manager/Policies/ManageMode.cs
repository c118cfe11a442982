namespace EnergyTap.Manager.Policies;

/// <summary>What the energy manager does with the battery. Constraints (export limit, peak shave, …) combine with any mode.</summary>
public enum ManageMode
{
    /// <summary>Hands off: the battery follows its own native mode.</summary>
    Native,

    /// <summary>Hold the grid meter at the target (default 0 W) with the battery.</summary>
    SelfConsumption,

    /// <summary>Follow a plan computed from import and export prices.</summary>
    Tou,
}
