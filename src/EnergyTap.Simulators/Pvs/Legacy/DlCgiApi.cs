using System.Text.Json.Nodes;
using EnergyTap.Simulators.Pvs.Payloads;
using EnergyTap.Simulators.Pvs.Varserver;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Pvs.Legacy;

/// <summary>
/// /cgi-bin/dl_cgi: the legacy ?Command= interface and the REST-style paths. On varserver firmware the legacy
/// commands answer 403 even with a session, and every REST path except supervisor/info needs a session. Builds
/// without supervisor/info answer 404 there.
/// </summary>
internal sealed class DlCgiApi(SimulatedPvs pvs, DeviceListService deviceList, VarserverApi? varserver, TimeProvider time, bool supervisorInfoMissing)
{
    public const string Root = "/cgi-bin/dl_cgi";

    private PvsInventory Inventory => pvs.Inventory;

    public async Task CommandAsync(HttpContext context, string command)
    {
        if (varserver is not null)
        {
            await PvsResponses.ErrorAsync(context, StatusCodes.Status403Forbidden, "Unauthorized");
            return;
        }

        JsonNode body = command.ToUpperInvariant() switch
        {
            "DEVICELIST" => await DeviceListBodyAsync(context) ?? new JsonObject(),
            "START" => SupervisorPayloads.Start(Inventory),
            "STOP" => CommissioningPayloads.Succeed(),
            "GET_COMM" => NetworkPayloads.CommunicationInterfaces(time.GetUtcNow()),
            "CHECKFW" => CommissioningPayloads.CheckFirmware(),
            "DEVICEDETAILS" => CommissioningPayloads.UnknownCommand(),
            "GRIDPROFILEGET" => GridProfilePayloads.Get(),
            "GRIDPROFILEREFRESH" => GridProfilePayloads.Refresh(),
            "GETCELLPURCHASED" => CommissioningPayloads.CellPurchased(withResult: false),
            "SETCELLPURCHASED" => CommissioningPayloads.CellPurchased(withResult: true),
            "GETDISCOVERYPROGRESS" => CommissioningPayloads.DiscoveryProgress(Inventory),
            _ => CommissioningPayloads.UnknownCommand(),
        };
        if (!context.Response.HasStarted)
        {
            await PvsResponses.JsonAsync(context, body);
        }
    }

    public async Task RestAsync(HttpContext context, string subPath)
    {
        if (subPath == "supervisor/info")
        {
            await (supervisorInfoMissing
                ? PvsResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Not Found")
                : PvsResponses.JsonAsync(context, SupervisorPayloads.Info(Inventory)));
            return;
        }

        if (varserver is not null && !varserver.IsAuthenticated(context.Request))
        {
            await PvsResponses.ErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        JsonNode? body = subPath switch
        {
            "devices/list" => await DeviceListBodyAsync(context),
            "network/interfaces" => NetworkPayloads.NetworkInterfaces(),
            "communication/interfaces" => NetworkPayloads.CommunicationInterfaces(time.GetUtcNow()),
            "network/powerProduction" => CommissioningPayloads.PowerProduction(),
            "energy-storage-system/status" => EssStatusPayload.Build(Inventory, pvs.Read(time.GetUtcNow())),
            "grid/profile" => GridProfilePayloads.Get(),
            "grid/profiles" => GridProfilePayloads.Refresh(),
            "discovery" => CommissioningPayloads.DiscoveryProgress(Inventory),
            "firmware/new_version" => CommissioningPayloads.CheckFirmware(),
            "communication/cellular/purchased" => CommissioningPayloads.CellPurchased(withResult: false),
            _ => null,
        };
        if (context.Response.HasStarted)
        {
            return;
        }

        if (body is null)
        {
            await PvsResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }

        await PvsResponses.JsonAsync(context, body);
    }

    /// <summary>The device list, or null after answering 503 itself (busy, or the PVS just fell over).</summary>
    private async Task<JsonObject?> DeviceListBodyAsync(HttpContext context)
    {
        var outcome = await deviceList.RunAsync(context.RequestAborted);
        switch (outcome.Status)
        {
            case DeviceListStatus.Busy:
                await PvsResponses.JsonAsync(context,
                    new JsonObject { ["status"] = "dl_cgi is processing a previous device list request" },
                    StatusCodes.Status503ServiceUnavailable);
                return null;
            case DeviceListStatus.Crashed:
                await PvsResponses.NoServerAvailableAsync(context);
                return null;
            default:
                return outcome.Body;
        }
    }
}
