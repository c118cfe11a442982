using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace EnergyTap.Simulators.Pvs.Varserver;

/// <summary>
/// One /vars request: name=a,b | match=substr | set=/path=value[,/path=value], plus fmt=obj and cache=id.
/// GET puts it in the query string; POST sends the same thing as a form body.
/// </summary>
internal sealed record VarsQuery(
    IReadOnlyList<string> Names,
    string? Match,
    IReadOnlyList<KeyValuePair<string, string>> Assignments,
    bool AsObject,
    string? CacheId)
{
    public static async Task<VarsQuery> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        IDictionary<string, StringValues> values = request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        if (HttpMethods.IsPost(request.Method))
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(ct);
            foreach (var (key, value) in QueryHelpers.ParseQuery(body.StartsWith('?') ? body : "?" + body))
            {
                values[key] = value;
            }
        }

        string? Single(string key) => values.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        var names = Single("name")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var assignments = (Single("set")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
            .Select(a => a.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(parts[0], parts.Length > 1 ? parts[1] : ""))
            .ToList();
        return new VarsQuery(names, Single("match"), assignments, Single("fmt") == "obj", Single("cache"));
    }
}
