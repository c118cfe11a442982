using System.Text.Json;
using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower.Parsing;

/// <summary>
/// Parses Command=DeviceList and dl_cgi/devices/list: {"devices":[...],"result":"succeed"}. Any result other
/// than "succeed" means the rest cannot be trusted, so it throws. Devices that are not JSON objects are skipped.
/// </summary>
public static class DeviceListParser
{
    public static IReadOnlyList<PvsDevice> Parse(ReadOnlyMemory<byte> body)
    {
        using var document = PvsJson.Parse(body, "DeviceList");
        return Parse(document.RootElement);
    }

    public static IReadOnlyList<PvsDevice> Parse(JsonElement root)
    {
        JsonElement devices;
        if (root.ValueKind == JsonValueKind.Array)
        {
            devices = root; // the swagger's devices/list schema is a bare array
        }
        else
        {
            PvsJson.EnsureSucceeded(root, "DeviceList");
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("devices", out devices) || devices.ValueKind != JsonValueKind.Array)
            {
                throw new PvsProtocolException("DeviceList: the answer has no \"devices\" array");
            }

            if (!root.TryGetProperty("result", out _))
            {
                throw new PvsProtocolException("DeviceList: the answer has no \"result\"; it may be truncated");
            }
        }

        var list = new List<PvsDevice>();
        foreach (var item in devices.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                list.Add(PvsDeviceFactory.Create(PvsJson.Fields(item)));
            }
        }

        return list;
    }
}
