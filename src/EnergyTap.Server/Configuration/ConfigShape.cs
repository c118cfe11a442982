using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace EnergyTap.Server.Configuration;

/// <summary>
/// Checks the raw configuration against the shape of <see cref="EnergyTapConfig"/> before it is bound: every key it
/// does not know (with the nearest known name) and every value of the wrong kind, all at once, each by its JSON path.
/// The .NET binder stops at the first such problem and words it for developers.
/// </summary>
public static class ConfigShape
{
    /// <summary>
    /// Binds what can be bound, leaving out every key with a problem (so the remaining values can still be validated
    /// in the same run), and returns the problems found.
    /// </summary>
    public static EnergyTapConfig Bind(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var found = new Problems();
        CheckObject(found, "", configuration.GetChildren(), typeof(EnergyTapConfig));
        problems = found.Messages;
        var usable = configuration.AsEnumerable()
            .Where(kv => !found.Keys.Any(bad => kv.Key.Equals(bad, StringComparison.OrdinalIgnoreCase)
                || kv.Key.StartsWith(bad + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase)));
        return new ConfigurationBuilder().AddInMemoryCollection(usable).Build().Get<EnergyTapConfig>() ?? new EnergyTapConfig();
    }

    /// <summary>What is wrong, in words, and the configuration keys it concerns (left out when binding).</summary>
    private sealed class Problems
    {
        public List<string> Messages { get; } = [];
        public List<string> Keys { get; } = [];

        public void Add(IConfigurationSection section, string message)
        {
            Messages.Add(message);
            Keys.Add(section.Path);
        }
    }

    private static void CheckObject(Problems problems, string path, IEnumerable<IConfigurationSection> children, Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        foreach (var child in children)
        {
            var at = path.Length == 0 ? child.Key : $"{path}.{child.Key}";
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var nearest = Nearest(child.Key, properties.Select(p => CamelCase(p.Name)));
                problems.Add(child, nearest is null
                    ? $"{at}: unknown key (known here: {string.Join(", ", properties.Select(p => CamelCase(p.Name)))})"
                    : $"{at}: unknown key; did you mean \"{nearest}\"?");
                continue;
            }

            CheckValue(problems, at, child, property.PropertyType);
        }
    }

    private static void CheckValue(Problems problems, string path, IConfigurationSection section, Type type)
    {
        var children = section.GetChildren().ToList();
        if (ElementTypeOfList(type) is { } element)
        {
            if (section.Value is { Length: > 0 } && children.Count == 0)
            {
                problems.Add(section, $"{path}: must be a list [ … ], not \"{section.Value}\"");
                return;
            }

            foreach (var item in children)
            {
                if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add(section, $"{path}: must be a list [ … ], not an object with \"{item.Key}\"");
                    return;
                }

                CheckValue(problems, $"{path}[{item.Key}]", item, element);
            }

            return;
        }

        if (IsScalar(type))
        {
            if (children.Count > 0)
            {
                problems.Add(section, $"{path}: must be a single value, not an object or list");
            }
            else if (section.Value is { } value && ScalarProblem(value, Nullable.GetUnderlyingType(type) ?? type) is { } problem)
            {
                problems.Add(section, $"{path}: {problem}");
            }

            return;
        }

        if (section.Value is { Length: > 0 } && children.Count == 0)
        {
            problems.Add(section, $"{path}: must be an object {{ … }}, not \"{section.Value}\"");
            return;
        }

        CheckObject(problems, path, children, type);
    }

    private static string? ScalarProblem(string value, Type type)
    {
        // An empty value (e.g. "port": "" or null in JSON) leaves the default in place, as the binder does.
        if (value.Length == 0 || type == typeof(string))
        {
            return null;
        }

        if (type == typeof(int))
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : $"\"{value}\" is not a whole number";
        }

        if (type == typeof(double))
        {
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : $"\"{value}\" is not a number";
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(value, out _) ? null : $"\"{value}\" must be true or false";
        }

        return null;
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal);
    }

    private static Type? ElementTypeOfList(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0] : null;

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The known name a typo most likely meant: at most a third of its letters wrong.</summary>
    private static string? Nearest(string key, IEnumerable<string> known) =>
        known.Select(k => (Name: k, Distance: Distance(key.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= Math.Max(1, k.Name.Length / 3))
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault();

    /// <summary>Levenshtein edit distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
