using System.Text.Json;
using EnergyTap.SunPower.GridProfiles;
using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.Legacy;

/// <summary>
/// The dl_cgi API: <c>/cgi-bin/dl_cgi?Command=…</c> commands and the REST-style <c>/cgi-bin/dl_cgi/…</c> paths.
/// Uncached: every call is one polite request (the <see cref="PvsClient"/> adds caching on top).
/// On LocalAPI firmware the commands answer 403 (<see cref="PvsAuthenticationException"/>); pass
/// <paramref name="sessionHeaders"/> to send the varserver session with the REST paths, which still work.
/// </summary>
public sealed class DlCgiClient(PvsTransport transport, Func<CancellationToken, Task<IReadOnlyList<KeyValuePair<string, string>>>>? sessionHeaders = null)
{
    private TimeSpan Timeout => transport.Options.Politeness.RequestTimeout;

    /// <summary>Command=DeviceList: every device, slow (6–60+ s), so it gets the long timeout.</summary>
    public async Task<IReadOnlyList<PvsDevice>> DeviceListAsync(CancellationToken cancellationToken = default) =>
        DeviceListParser.Parse(await DeviceListBodyAsync(cancellationToken));

    /// <summary>Command=DeviceList as the PVS sent it (unparsed), for callers that keep the answer for others.</summary>
    public async Task<byte[]> DeviceListBodyAsync(CancellationToken cancellationToken = default)
    {
        var response = await CommandRawAsync("DeviceList", [], transport.Options.Politeness.DeviceListTimeout, cancellationToken);
        return response.Body;
    }

    /// <summary>Command=Start: opens a configuration session and reports the supervisor.</summary>
    public async Task<PvsSupervisorInfo> StartAsync(CancellationToken cancellationToken = default)
    {
        using var document = await CommandAsync("Start", [], cancellationToken);
        return SupervisorInfoParser.Parse(document.RootElement, "Start");
    }

    /// <summary>Command=Stop: closes the configuration session.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        using var _ = await CommandAsync("Stop", [], cancellationToken);
    }

    /// <summary>Command=Get_Comm&amp;SerialNumber=: network interfaces and internet status.</summary>
    public async Task<PvsCommStatus> GetCommAsync(string serialNumber, CancellationToken cancellationToken = default)
    {
        using var document = await CommandAsync("Get_Comm", [new("SerialNumber", serialNumber)], cancellationToken);
        return CommStatusParser.Parse(document.RootElement);
    }

    /// <summary>Command=CheckFW&amp;type=residential|commercial.</summary>
    public async Task<PvsFirmwareCheck> CheckFirmwareAsync(string type = "residential", CancellationToken cancellationToken = default)
    {
        using var document = await CommandAsync("CheckFW", [new("type", type)], cancellationToken);
        return new PvsFirmwareCheck(PvsJson.String(document.RootElement, "url"));
    }

    /// <summary>Command=DeviceDetails&amp;SerialNumber=; many builds answer "unknown command" (<see cref="PvsCommandNotSupportedException"/>).</summary>
    public async Task<JsonElement> DeviceDetailsAsync(string serialNumber, CancellationToken cancellationToken = default)
    {
        using var document = await CommandAsync("DeviceDetails", [new("SerialNumber", serialNumber)], cancellationToken);
        return document.RootElement.Clone();
    }

    /// <summary>Command=GridProfileGet: active and pending grid profile.</summary>
    public async Task<GridProfileStatus> GridProfileGetAsync(CancellationToken cancellationToken = default)
    {
        using var document = await CommandAsync("GridProfileGet", [], cancellationToken);
        return GridProfileParser.ParseStatus(document.RootElement);
    }

    /// <summary>Command=GridProfileRefresh: every profile the PVS knows with its zip codes.</summary>
    public async Task<IReadOnlyList<GridProfile>> GridProfileRefreshAsync(CancellationToken cancellationToken = default)
    {
        using var document = await CommandAsync("GridProfileRefresh", [], cancellationToken);
        return GridProfileParser.ParseProfiles(document.RootElement);
    }

    public async Task<PvsCellPurchased> GetCellPurchasedAsync(CancellationToken cancellationToken = default)
    {
        using var document = await CommandAsync("GetCellPurchased", [], cancellationToken);
        return new PvsCellPurchased(PvsJson.String(document.RootElement, "cell_purchased"));
    }

    /// <summary>Command=SetCellPurchased&amp;SerialNumber=: with GET it only reports the value.</summary>
    public async Task<PvsCellPurchased> SetCellPurchasedAsync(string serialNumber, CancellationToken cancellationToken = default)
    {
        using var document = await CommandAsync("SetCellPurchased", [new("SerialNumber", serialNumber)], cancellationToken);
        return new PvsCellPurchased(PvsJson.String(document.RootElement, "cell_purchased"));
    }

    public async Task<PvsDiscoveryProgress> GetDiscoveryProgressAsync(CancellationToken cancellationToken = default)
    {
        using var document = await CommandAsync("GetDiscoveryProgress", [], cancellationToken);
        return DiscoveryProgressParser.Parse(document.RootElement);
    }

    /// <summary>GET dl_cgi/supervisor/info: unauthenticated on every firmware; used to pick the generation.</summary>
    public async Task<PvsSupervisorInfo> SupervisorInfoAsync(CancellationToken cancellationToken = default)
    {
        using var document = await RestAsync("supervisor/info", Timeout, cancellationToken);
        return SupervisorInfoParser.Parse(document.RootElement, "supervisor/info");
    }

    /// <summary>GET dl_cgi/devices/list[?detailed=true]: DeviceList's shape; authenticated on LocalAPI firmware.</summary>
    public async Task<IReadOnlyList<PvsDevice>> DevicesListAsync(bool detailed = false, CancellationToken cancellationToken = default)
    {
        using var document = await RestAsync(detailed ? "devices/list?detailed=true" : "devices/list", transport.Options.Politeness.DeviceListTimeout, cancellationToken);
        return DeviceListParser.Parse(document.RootElement);
    }

    /// <summary>GET dl_cgi/communication/interfaces: same content as Get_Comm.</summary>
    public async Task<PvsCommStatus> CommunicationInterfacesAsync(CancellationToken cancellationToken = default)
    {
        using var document = await RestAsync("communication/interfaces", Timeout, cancellationToken);
        return CommStatusParser.Parse(document.RootElement);
    }

    /// <summary>GET dl_cgi/network/interfaces, network/powerProduction, energy-storage-system/status, or any other REST path, as JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string restPath, CancellationToken cancellationToken = default)
    {
        using var document = await RestAsync(restPath, Timeout, cancellationToken);
        return document.RootElement.Clone();
    }

    /// <summary>Any command as raw JSON, for commands this library does not model.</summary>
    public async Task<JsonDocument> CommandAsync(string command, IReadOnlyList<KeyValuePair<string, string>> arguments, CancellationToken cancellationToken = default)
    {
        var response = await CommandRawAsync(command, arguments, Timeout, cancellationToken);
        var document = PvsJson.Parse(response.Body, command);
        try
        {
            PvsJson.EnsureSucceeded(document.RootElement, command);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private async Task<PvsResponse> CommandRawAsync(string command, IReadOnlyList<KeyValuePair<string, string>> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var query = "Command=" + Uri.EscapeDataString(command) + string.Concat(arguments.Select(a => $"&{Uri.EscapeDataString(a.Key)}={Uri.EscapeDataString(a.Value)}"));
        var uri = new Uri(transport.Endpoint.DlCgiBase, "cgi-bin/dl_cgi?" + query);
        var response = await transport.GetAsync(uri, timeout, $"Command={command}", cancellationToken);
        if ((int)response.Status == 403)
        {
            throw new PvsAuthenticationException($"Command={command}: the PVS refused it (403); firmware from 2025 on only serves the LocalAPI (give the PVS serial so the client logs in)");
        }

        PvsTransport.EnsureSuccess(response, $"Command={command}");
        return response;
    }

    private async Task<JsonDocument> RestAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var headers = sessionHeaders is null ? null : await sessionHeaders(cancellationToken);
        var uri = new Uri(transport.Endpoint.DlCgiBase, "cgi-bin/dl_cgi/" + path.TrimStart('/'));
        var what = "dl_cgi/" + path.Split('?')[0];
        var response = await transport.GetAsync(uri, timeout, what, cancellationToken, headers);
        PvsTransport.EnsureSuccess(response, what);
        var document = PvsJson.Parse(response.Body, what);
        try
        {
            if (!path.StartsWith("devices/list", StringComparison.Ordinal))
            {
                PvsJson.EnsureSucceeded(document.RootElement, what);
            }

            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }
}
