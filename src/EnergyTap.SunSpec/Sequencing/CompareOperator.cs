namespace EnergyTap.SunSpec.Sequencing;

/// <summary>The comparisons a wait_for can make, spelled in files as ==, !=, &gt;, &lt;, &gt;=, &lt;=.</summary>
public enum CompareOperator
{
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
}

public static class CompareOperators
{
    public static IReadOnlyList<string> Symbols { get; } = ["==", "!=", ">", "<", ">=", "<="];

    public static CompareOperator? Parse(string text) => Symbols.ToList().IndexOf(text.Trim()) is var i and >= 0 ? (CompareOperator)i : null;

    public static string Symbol(this CompareOperator op) => Symbols[(int)op];

    /// <summary>Compares with a tolerance of a millionth, so scaled values like 0.1 compare as written.</summary>
    public static bool Holds(this CompareOperator op, double actual, double target)
    {
        var equal = Math.Abs(actual - target) <= 1e-6 * Math.Max(1, Math.Abs(target));
        return op switch
        {
            CompareOperator.Equal => equal,
            CompareOperator.NotEqual => !equal,
            CompareOperator.Greater => actual > target && !equal,
            CompareOperator.Less => actual < target && !equal,
            CompareOperator.GreaterOrEqual => actual > target || equal,
            _ => actual < target || equal,
        };
    }
}
