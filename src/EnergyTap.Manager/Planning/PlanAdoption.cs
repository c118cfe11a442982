using System.Globalization;

namespace EnergyTap.Manager.Planning;

/// <summary>
/// Whether a freshly computed plan replaces the running one. Replanning every 15 min on slightly different
/// forecasts would otherwise flip the battery between near-equal plans (Predbat's and evcc's users' complaint):
/// the new plan wins only when it is cheaper by both thresholds, or when the running plan no longer works.
/// The running plan is costed on the *new* input from the actual SoC, so both are judged on the same facts.
/// </summary>
public sealed record PlanAdoption(double MinSaving = 0.05, double MinRelativeSaving = 0.02)
{
    public AdoptionDecision Decide(Plan? running, Plan candidate, PlanningInput input)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(input);
        if (running is null || running.Slots.Count == 0)
            return new AdoptionDecision(true, "no plan was running", null, candidate.ExpectedCost);
        if (candidate.Slots.Count == 0)
            return new AdoptionDecision(true, "the new policy needs no plan", null, candidate.ExpectedCost);
        var problem = PlanningProblem.From(input, noBatteryExport: false);
        var (cost, broken) = PlanFollowing.Cost(problem, running);
        if (broken is not null)
            return new AdoptionDecision(true, $"the running plan no longer works: {broken}", cost, candidate.ExpectedCost);
        var saving = cost - candidate.ExpectedCost;
        var needed = Math.Max(MinSaving, MinRelativeSaving * Math.Abs(cost));
        return saving >= needed
            ? new AdoptionDecision(true, $"the new plan is cheaper by {Number(saving)} ({Number(cost)} → {Number(candidate.ExpectedCost)})", cost, candidate.ExpectedCost)
            : new AdoptionDecision(false, $"the running plan is kept: the new one would save {Number(saving)}, less than {Number(needed)}", cost, candidate.ExpectedCost);
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>The outcome of <see cref="PlanAdoption.Decide"/>, with both costs on the same input (null when the running plan was not costed).</summary>
public sealed record AdoptionDecision(bool Adopt, string Reason, double? RunningCost, double CandidateCost);
