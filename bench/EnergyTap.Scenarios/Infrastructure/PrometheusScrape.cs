using System.Globalization;

namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>One scrape of the service's /metrics: sums of counters and unlabelled histogram buckets.</summary>
internal sealed class PrometheusScrape
{
    private readonly string[] _lines;

    private PrometheusScrape(string text) => _lines = text.Split('\n');

    public static async Task<PrometheusScrape> FetchAsync(HttpClient http, Uri baseUrl, CancellationToken ct) =>
        new(await http.GetStringAsync(new Uri(baseUrl, "metrics"), ct));

    /// <summary>The sum of every series of a counter or gauge (e.g. polls over all devices), optionally only those with a label pair like <c>device="agate"</c>.</summary>
    public double Sum(string name, string? labelPair = null) =>
        Series(name).Where(s => labelPair is null || s.Labels.Contains(labelPair, StringComparison.Ordinal)).Sum(s => s.Value);

    /// <summary>Cumulative bucket counts of a histogram by upper bound (+Inf included), summed over its series.</summary>
    public SortedDictionary<double, double> Buckets(string histogram)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (var (labels, value) in Series(histogram + "_bucket"))
        {
            var at = labels.IndexOf("le=\"", StringComparison.Ordinal) + 4;
            var bound = labels[at..labels.IndexOf('"', at)];
            var le = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
            buckets[le] = buckets.GetValueOrDefault(le) + value;
        }

        return buckets;
    }

    /// <summary>
    /// The q-quantile of the observations made between two scrapes, interpolated inside the bucket like
    /// PromQL's histogram_quantile; null without observations.
    /// </summary>
    public static double? Quantile(double q, SortedDictionary<double, double> before, SortedDictionary<double, double> after)
    {
        var bounds = after.Keys.ToList();
        var counts = bounds.Select(b => after[b] - before.GetValueOrDefault(b)).ToList();
        var total = counts[^1];
        if (total <= 0)
        {
            return null;
        }

        var rank = q * total;
        for (var i = 0; i < bounds.Count; i++)
        {
            if (counts[i] >= rank)
            {
                if (double.IsPositiveInfinity(bounds[i]))
                {
                    return bounds[i - 1]; // above the largest finite bound: report that bound, as Prometheus does
                }

                var lower = i == 0 ? 0 : bounds[i - 1];
                var below = i == 0 ? 0 : counts[i - 1];
                var inBucket = counts[i] - below;
                return inBucket <= 0 ? bounds[i] : lower + ((bounds[i] - lower) * (rank - below) / inBucket);
            }
        }

        return bounds[^1];
    }

    private IEnumerable<(string Labels, double Value)> Series(string name)
    {
        foreach (var line in _lines)
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length || (line[name.Length] != '{' && line[name.Length] != ' '))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            yield return (line[name.Length..space], double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture));
        }
    }
}
