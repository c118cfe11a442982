using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Server.Api;

/// <summary>Control endpoints need "Authorization: Bearer &lt;token&gt;"; with no token configured, control is off.</summary>
internal static class ControlAuthorization
{
    public static IResult? Check(HttpRequest request, string? configuredToken)
    {
        if (string.IsNullOrEmpty(configuredToken))
        {
            return Results.Problem("battery control is disabled: set server.controlToken in the configuration", statusCode: StatusCodes.Status403Forbidden);
        }

        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()), Encoding.UTF8.GetBytes(configuredToken)))
        {
            return Results.Problem("a valid bearer token is required for battery control", statusCode: StatusCodes.Status401Unauthorized);
        }

        return null;
    }
}
