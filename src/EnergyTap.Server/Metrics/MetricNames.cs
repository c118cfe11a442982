namespace EnergyTap.Server.Metrics;

/// <summary>Validation of Prometheus metric and label names (data model rules).</summary>
internal static class MetricNames
{
    public static void ValidateMetricName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = char.IsAsciiLetter(c) || c == '_' || c == ':' || (i > 0 && char.IsAsciiDigit(c));
            if (!ok)
            {
                throw new ArgumentException($"'{name}' is not a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*).", nameof(name));
            }
        }
    }

    public static void ValidateLabelNames(IReadOnlyList<string> labelNames, MetricType type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in labelNames)
        {
            ArgumentException.ThrowIfNullOrEmpty(label, nameof(labelNames));
            for (var i = 0; i < label.Length; i++)
            {
                var c = label[i];
                if (!(char.IsAsciiLetter(c) || c == '_' || (i > 0 && char.IsAsciiDigit(c))))
                {
                    throw new ArgumentException($"'{label}' is not a valid Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*).", nameof(labelNames));
                }
            }

            if (label.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Label name '{label}' is reserved: names starting with __ belong to Prometheus.", nameof(labelNames));
            }

            if (type == MetricType.Histogram && label == "le")
            {
                throw new ArgumentException("A histogram cannot have a label named 'le': it holds the bucket bounds.", nameof(labelNames));
            }

            if (!seen.Add(label))
            {
                throw new ArgumentException($"Label name '{label}' appears twice.", nameof(labelNames));
            }
        }
    }
}
