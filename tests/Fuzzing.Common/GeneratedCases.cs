using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace EnergyTap.Fuzzing;

/// <summary>Runs an FsCheck property over generated inputs from a fixed seed, so a failure replays exactly.</summary>
internal static class GeneratedCases
{
    public const ulong Seed = 0x5EED_F022;

    public static void Check<T>(Gen<T> generator, Action<T> property, int cases)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed), FSharpOption<int>.None)));
        FsCheck.Check.One(config, Prop.ForAll(generator.ToArbitrary(), property));
    }
}
