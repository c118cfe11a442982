namespace EnergyTap.Manager.Planning;

/// <summary>How finely <see cref="DynamicProgrammingPlanner"/> resolves the state of charge.</summary>
public sealed record PlannerOptions
{
    /// <summary>
    /// The SoC grid step, % of capacity (1 % = 101 states). Between grid points the value of stored energy
    /// is interpolated, and each slot also tries the exact powers where its cost changes slope (grid at 0 W,
    /// the caps), so a plan is not rounded to the grid.
    /// </summary>
    public double SocStepPercent { get; init; } = 1;
}
