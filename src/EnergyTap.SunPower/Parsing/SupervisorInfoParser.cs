using System.Text.Json;
using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower.Parsing;

/// <summary>Reads {"supervisor":{SERIAL, MODEL, BUILD, SWVER, FWVER, …}} from supervisor/info and Command=Start.</summary>
public static class SupervisorInfoParser
{
    public static PvsSupervisorInfo Parse(JsonElement root, string what)
    {
        PvsJson.EnsureSucceeded(root, what);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("supervisor", out var supervisor) || supervisor.ValueKind != JsonValueKind.Object)
        {
            throw new PvsProtocolException($"{what}: the answer has no \"supervisor\" object");
        }

        var fields = PvsJson.Fields(supervisor);
        var swver = PvsJson.String(supervisor, "SWVER");
        return new PvsSupervisorInfo(
            PvsJson.String(supervisor, "SERIAL"),
            PvsJson.String(supervisor, "MODEL"),
            PvsBuild.From(PvsJson.String(supervisor, "BUILD"), swver),
            swver,
            PvsJson.String(supervisor, "FWVER"))
        { Fields = fields };
    }
}
