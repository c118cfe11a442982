using EnergyTap.FranklinWH.Cloud.Stats;

namespace EnergyTap.FranklinWH.Cloud.Generator;

/// <summary>selectIotGenerator: Status is genStat (older answers called it status), manuSw is the mode, opt an option flag.</summary>
public sealed record GeneratorInfo(int? Status, int? ManuSw, int? Opt)
{
    public GeneratorMode? Mode => ManuSw is 1 or 2 ? (GeneratorMode)ManuSw.Value : null;
    public string StatusText => GeneratorStates.Describe(Status);
}
