namespace EnergyTap.SunSpec.Sequencing;

/// <summary>One thing wrong with a sequence file, found before anything was written.</summary>
public sealed record SequenceProblem(SourceLocation Location, string Message)
{
    /// <summary>Always one line: keys and values quoted from the file may hold line breaks or other control characters.</summary>
    public string Message { get; init; } = string.Concat(Message.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c));

    /// <summary>The point's model is on the device but has no definition in the catalog (see <see cref="SunSpecPointException.UncataloguedModelId"/>).</summary>
    public int? UncataloguedModelId { get; init; }

    public override string ToString() => $"{Location}: {Message}";
}
