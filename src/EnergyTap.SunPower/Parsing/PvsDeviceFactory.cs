using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower.Parsing;

/// <summary>Builds the typed device for one set of fields, whichever API generation they came from.</summary>
public static class PvsDeviceFactory
{
    public static PvsDevice Create(IReadOnlyDictionary<string, string?> fields)
    {
        string? F(string name) => fields.TryGetValue(name, out var v) ? v : null;

        var deviceType = F("DEVICE_TYPE");
        var type = F("TYPE");
        var kind = KindOf(deviceType, type);
        var serial = F("SERIAL") ?? F("sn") ?? F("serialnum") ?? "";
        var stateText = F("STATE");
        PvsDevice device = kind switch
        {
            PvsDeviceKind.Supervisor => new PvsSupervisor { Serial = serial },
            PvsDeviceKind.PowerMeter => new PvsPowerMeter { Serial = serial, Role = MeterRoleOf(type, F("MODEL") ?? F("prodMdlNm"), serial, F("subtype")) },
            PvsDeviceKind.Inverter => new PvsInverter { Serial = serial },
            PvsDeviceKind.HubPlus => new PvsHubPlus { Serial = serial },
            PvsDeviceKind.EssHub => new PvsEssHub { Serial = serial },
            PvsDeviceKind.PvDisconnect => new PvsPvDisconnect { Serial = serial },
            PvsDeviceKind.Gateway => new PvsGateway { Serial = serial },
            PvsDeviceKind.StorageInverter => new PvsStorageInverter { Serial = serial },
            PvsDeviceKind.EssBms => new PvsEssBms { Serial = serial },
            PvsDeviceKind.Battery => new PvsBattery { Serial = serial },
            PvsDeviceKind.EnergyStorageSystem => new PvsEnergyStorageSystem { Serial = serial },
            _ => new PvsUnknownDevice { Serial = serial },
        };

        return device with
        {
            DeviceType = deviceType,
            Model = F("MODEL") ?? F("prodMdlNm"),
            Type = type,
            Description = F("DESCR"),
            StateText = stateText,
            State = StateOf(stateText),
            SoftwareVersion = F("SWVER"),
            HardwareVersion = F("HWVER") ?? F("hw_version"),
            Port = F("PORT"),
            Parent = F("PARENT"),
            DataTime = PvsValues.ParseTime(F("DATATIME") ?? F("msmtEps")),
            CurrentTime = PvsValues.ParseTime(F("CURTIME")),
            Fields = fields,
        };
    }

    public static PvsDeviceKind KindOf(string? deviceType, string? type) => deviceType?.Trim().ToUpperInvariant() switch
    {
        "PVS" => PvsDeviceKind.Supervisor,
        "POWER METER" => PvsDeviceKind.PowerMeter,
        "INVERTER" => PvsDeviceKind.Inverter,
        "HUB+" => PvsDeviceKind.HubPlus,
        "ESS HUB" => PvsDeviceKind.EssHub,
        "PV DISCONNECT" => PvsDeviceKind.PvDisconnect,
        "GATEWAY" => PvsDeviceKind.Gateway,
        "STORAGE INVERTER" => PvsDeviceKind.StorageInverter,
        "ESS BMS" => PvsDeviceKind.EssBms,
        "BATTERY" => PvsDeviceKind.Battery,
        "ENERGY STORAGE SYSTEM" => PvsDeviceKind.EnergyStorageSystem,
        _ => KindOfType(type),
    };

    // Some payloads lack DEVICE_TYPE; TYPE still says what the device is.
    private static PvsDeviceKind KindOfType(string? type) => type?.Trim().ToUpperInvariant() switch
    {
        null => PvsDeviceKind.Unknown,
        "SOLARBRIDGE" => PvsDeviceKind.Inverter,
        "EQUINOX-MIO" => PvsDeviceKind.EssHub,
        "PV-DISCONNECT" => PvsDeviceKind.PvDisconnect,
        "GATEWAY" => PvsDeviceKind.Gateway,
        "SCHNEIDER-XWPRO" => PvsDeviceKind.StorageInverter,
        "EQUINOX-BMS" => PvsDeviceKind.EssBms,
        "BATTERY" => PvsDeviceKind.Battery,
        "EQUINOX-ESS" => PvsDeviceKind.EnergyStorageSystem,
        "HUB+" => PvsDeviceKind.HubPlus,
        var t when t.Contains("METER", StringComparison.Ordinal) => PvsDeviceKind.PowerMeter,
        _ => PvsDeviceKind.Unknown,
    };

    public static PvsMeterRole MeterRoleOf(string? type, string? model, string? serial, string? subtype)
    {
        if (subtype is not null)
        {
            if (subtype.Contains("PRODUCTION", StringComparison.OrdinalIgnoreCase))
            {
                return PvsMeterRole.Production;
            }

            if (subtype.Contains("CONSUMPTION", StringComparison.OrdinalIgnoreCase))
            {
                return PvsMeterRole.Consumption;
            }
        }

        if (type is not null && type.EndsWith("-P", StringComparison.OrdinalIgnoreCase))
        {
            return PvsMeterRole.Production;
        }

        if (type is not null && type.EndsWith("-C", StringComparison.OrdinalIgnoreCase))
        {
            return PvsMeterRole.Consumption;
        }

        foreach (var name in new[] { model, serial })
        {
            if (name is { Length: > 0 } && name[^1] is 'p' or 'P')
            {
                return PvsMeterRole.Production;
            }

            if (name is { Length: > 0 } && name[^1] is 'c' or 'C')
            {
                return PvsMeterRole.Consumption;
            }
        }

        return PvsMeterRole.Unknown;
    }

    private static PvsDeviceState StateOf(string? state) => state?.Trim().ToUpperInvariant() switch
    {
        null or "" => PvsDeviceState.Unknown,
        "WORKING" => PvsDeviceState.Working,
        "ERROR" => PvsDeviceState.Error,
        _ => PvsDeviceState.Other,
    };
}
