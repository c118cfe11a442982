using System.Text.Json.Nodes;

namespace EnergyTap.Simulators.Pvs.Payloads;

/// <summary>supervisor/info and Command=Start: the supervisor's identity and versions.</summary>
internal static class SupervisorPayloads
{
    /// <summary>The unauthenticated supervisor/info: PVS6 gives BUILD, PVS5 only has the build inside SWVER.</summary>
    public static JsonObject Info(PvsInventory inventory)
    {
        var supervisor = new JsonObject
        {
            ["FWVER"] = "1.0.0",
            ["MODEL"] = inventory.ModelName,
            ["SERIAL"] = inventory.Serial,
            ["SWVER"] = inventory.SwVer,
            ["SCVER"] = 16504,
            ["EASICVER"] = 131329,
            ["WNVER"] = 3000,
        };
        if (inventory.Model == PvsModel.PVS6)
        {
            supervisor["BUILD"] = inventory.Build;
        }

        return new JsonObject { ["result"] = "succeed", ["supervisor"] = supervisor };
    }

    /// <summary>Command=Start opens a configuration session and answers with the supervisor block.</summary>
    public static JsonObject Start(PvsInventory inventory)
    {
        var supervisor = new JsonObject
        {
            ["SWVER"] = inventory.SwVer,
            ["SERIAL"] = inventory.Serial,
            ["MODEL"] = inventory.ModelName,
            ["BUILD"] = inventory.Build,
            ["FWVER"] = "1.0.0",
            ["SCVER"] = 16504,
            ["EASICVER"] = 131329,
            ["SCBUILD"] = 1185,
            ["WNSERIAL"] = 16,
            ["WNMODEL"] = 400,
            ["WNVER"] = 3000,
        };
        return new JsonObject { ["result"] = "succeed", ["supervisor"] = supervisor };
    }
}
