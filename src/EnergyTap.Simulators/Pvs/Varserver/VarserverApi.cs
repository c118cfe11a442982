using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Pvs.Varserver;

/// <summary>The LocalAPI FCGI services: /auth (login, logout) and /vars (get by name or match, set, caches).</summary>
internal sealed class VarserverApi(SimulatedPvs pvs, SessionStore sessions, TimeProvider time, bool hangOnUnknownVariable)
{
    public const string User = "ssm_owner";
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _caches = new(StringComparer.Ordinal);

    public bool IsAuthenticated(HttpRequest request) =>
        sessions.IsValid(request.Cookies[SessionStore.CookieName]);

    /// <summary>Drops sessions and caches, as a restarted PVS would.</summary>
    public void Forget()
    {
        sessions.Clear();
        _caches.Clear();
    }

    public async Task AuthAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.ContainsKey("logout"))
        {
            sessions.Remove(context.Request.Cookies[SessionStore.CookieName]);
            context.Response.Cookies.Delete(SessionStore.CookieName);
            await PvsResponses.JsonAsync(context, new JsonObject { ["status"] = "logged out" });
            return;
        }

        if (!query.ContainsKey("login"))
        {
            await PvsResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request");
            return;
        }

        if (!CredentialsMatch(context.Request.Headers.Authorization.ToString()))
        {
            await PvsResponses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        var token = sessions.Create();
        context.Response.Cookies.Append(SessionStore.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
        await PvsResponses.JsonAsync(context, new JsonObject { ["session"] = token });
    }

    public async Task VarsAsync(HttpContext context)
    {
        var query = await VarsQuery.ReadAsync(context.Request, context.RequestAborted);
        if (!IsAuthenticated(context.Request) && !AnonymousVariables.Allows(query))
        {
            await PvsResponses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        var table = VariableTable.Build(pvs, pvs.Read(time.GetUtcNow()));
        var byName = table.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

        IReadOnlyList<string> selected;
        if (query.Assignments.Count > 0)
        {
            foreach (var (name, value) in query.Assignments)
            {
                if (!byName.ContainsKey(name))
                {
                    await PvsResponses.ErrorAsync(context, StatusCodes.Status404NotFound, $"variable {name} not found");
                    return;
                }

                if (!WritableVariables.IsWritable(name))
                {
                    await PvsResponses.ErrorAsync(context, StatusCodes.Status403Forbidden, $"variable {name} is read-only");
                    return;
                }

                if (WritableVariables.TryApply(pvs, name, value) is { } problem)
                {
                    await PvsResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, problem);
                    return;
                }
            }

            byName = VariableTable.Build(pvs, pvs.Read(time.GetUtcNow())).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            selected = query.Assignments.Select(a => a.Key).ToList();
        }
        else if (query.Names.Count > 0 || query.Match is not null)
        {
            if (query.Names.Any(n => !byName.ContainsKey(n)) && hangOnUnknownVariable)
            {
                // Emulates the PVS that never answered a query for a variable it did not have.
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }

            selected = query.Match is { } match
                ? table.Select(v => v.Key).Where(n => n.Contains(match, StringComparison.Ordinal)).ToList()
                : query.Names.Where(byName.ContainsKey).ToList();
            if (query.CacheId is { } id)
            {
                _caches[id] = selected;
            }
        }
        else if (query.CacheId is { } id && _caches.TryGetValue(id, out var cached))
        {
            selected = cached;
        }
        else
        {
            await PvsResponses.ErrorAsync(context, query.CacheId is null ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound,
                query.CacheId is null ? "expected name, match, set or cache" : $"no cache named {query.CacheId}");
            return;
        }

        await PvsResponses.JsonAsync(context, Render(selected, byName, query.AsObject));
    }

    private static JsonNode Render(IReadOnlyList<string> names, Dictionary<string, JsonNode?> values, bool asObject)
    {
        if (asObject)
        {
            var obj = new JsonObject();
            foreach (var name in names)
            {
                obj[name] = values.GetValueOrDefault(name)?.DeepClone();
            }

            return obj;
        }

        var array = new JsonArray();
        foreach (var name in names)
        {
            array.Add(new JsonObject { ["name"] = name, ["value"] = values.GetValueOrDefault(name)?.DeepClone() });
        }

        return new JsonObject { ["values"] = array, ["count"] = names.Count };
    }

    private bool CredentialsMatch(string header)
    {
        var parts = header.Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals("basic", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1]));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = $"{User}:{pvs.Inventory.Password}";
        return string.Equals(decoded, expected, StringComparison.OrdinalIgnoreCase);
    }
}
