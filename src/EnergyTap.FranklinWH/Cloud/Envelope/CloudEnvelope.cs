using System.Text.Json;

namespace EnergyTap.FranklinWH.Cloud.Envelope;

/// <summary>Every FranklinWH answer: <c>{code, message, result, success}</c>.</summary>
public sealed record CloudEnvelope(int Code, string? Message, JsonElement Result, bool Success)
{
    /// <summary>Reads an envelope; returns null when the body is not one (HTML error page, empty body).</summary>
    public static CloudEnvelope? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code) || !code.TryGetInt32(out var codeValue))
            {
                return null;
            }

            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var result = root.TryGetProperty("result", out var r) ? r.Clone() : default;
            var success = root.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.True;
            return new CloudEnvelope(codeValue, message, result, success);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The result, or a typed exception naming what went wrong.</summary>
    public JsonElement ResultOrThrow(string endpoint) =>
        Code == CloudErrorCodes.Ok ? Result : throw new CloudApiException(Code, CloudErrorCodes.Describe(Code, Message, endpoint));
}
