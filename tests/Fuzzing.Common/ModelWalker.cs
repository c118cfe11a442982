using System.Collections;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace EnergyTap.Fuzzing;

/// <summary>
/// Reads every public property of a parsed model, recursively, the way a consumer (CLI, dashboard, exporter) would:
/// typed properties computed from raw fields must not throw either.
/// </summary>
internal static class ModelWalker
{
    private const int MaxDepth = 5;
    private const int MaxItems = 64;

    public static void Touch(object? model) => Touch(model, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static void Touch(object? value, int depth, HashSet<object> seen)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > MaxDepth)
        {
            return;
        }

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        _ = value.ToString();
        if (value is IEnumerable items)
        {
            foreach (var item in items.Cast<object?>().Take(MaxItems))
            {
                Touch(item, depth + 1, seen);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            object? child;
            try
            {
                child = property.GetValue(value);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }

            Touch(child, depth + 1, seen);
        }
    }
}
