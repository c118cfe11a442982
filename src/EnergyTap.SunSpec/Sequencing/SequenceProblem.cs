namespace EnergyTap.SunSpec.Sequencing;

/// <summary>One thing wrong with a sequence file, found before anything was written.</summary>
public sealed record SequenceProblem(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
