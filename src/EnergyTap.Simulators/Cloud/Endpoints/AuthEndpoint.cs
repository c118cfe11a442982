using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>appUserOrInstallerLogin: form post only, MD5 password, lockout after repeated bad passwords.</summary>
internal static class AuthEndpoint
{
    public const string Path = "/hes-gateway/terminal/initialize/appUserOrInstallerLogin";

    public static void Map(WebApplication app, CloudSimulatorState state) => app.MapPost(Path, async (HttpContext http) =>
    {
        state.Count("login");
        if (!http.Request.HasFormContentType)
        {
            return Envelopes.Error(500, "Content type not supported");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        lock (state.Sync)
        {
            var account = state.Account(form["account"].ToString());
            if (account?.LockedUntil is { } until && until > state.Now)
            {
                return Envelopes.Error(400, "Account locked, too many failed attempts");
            }

            if (account is null || !CloudSimulatorState.PasswordMatches(account.Definition, form["password"].ToString()))
            {
                if (account is not null && ++account.FailedLogins >= state.Options.LockoutThreshold)
                {
                    account.LockedUntil = state.Now + state.Options.LockoutDuration;
                    account.FailedLogins = 0;
                }

                return Envelopes.Error(10002, "Incorrect account or password");
            }

            account.FailedLogins = 0;
            if (account.Definition.RequiresMfa)
            {
                return Envelopes.Ok(new JsonObject { ["mfaRequired"] = true, ["mfaToken"] = "mfa-pending" });
            }

            var type = int.TryParse(form["type"].ToString(), out var t) ? t : 0;
            return Envelopes.Ok(new JsonObject
            {
                ["userId"] = 1000 + account.Definition.Email.Length,
                ["email"] = account.Definition.Email,
                ["token"] = state.Issue(account),
                ["version"] = "2.4.1",
                ["failureVersion"] = null, ["distributorId"] = null, ["installerId"] = null,
                ["passwordUpdateFlag"] = 0,
                ["userTypes"] = new JsonArray(0),
                ["currentType"] = type,
                ["surveyFlag"] = 0, ["serviceVoltageFlag"] = null, ["ninetyDaysPwdUpdate"] = 0,
                ["roles"] = new JsonArray(), ["affiliateCompany"] = new JsonArray(),
            });
        }
    });
}
