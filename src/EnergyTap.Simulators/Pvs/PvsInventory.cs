using System.Globalization;
using EnergyTap.Simulators.Pvs.Physics;

namespace EnergyTap.Simulators.Pvs;

/// <summary>The fixed facts of one simulated site: serial numbers, models, firmware versions.</summary>
internal sealed record PvsInventory(
    string Serial,
    PvsModel Model,
    PvsFirmware Firmware,
    bool Build61840,
    long PanId,
    string Mac,
    string ProductionMeterSerial,
    string ConsumptionMeterSerial,
    IReadOnlyList<InverterIdentity> Inverters,
    EssInventory? Ess)
{
    public string ModelName => Model.ToString();

    public string SupervisorModel => $"PV Supervisor {ModelName}";

    public string HwVer => Model == PvsModel.PVS6 ? "6.0" : "5.0";

    public string MeterModelPrefix => Model == PvsModel.PVS6 ? "PVS6M0400" : "PVS5M0400";

    /// <summary>Build number: 2021-era for legacy firmware, the first LocalAPI builds for varserver firmware.</summary>
    public int Build => (Model, Firmware, Build61840) switch
    {
        (PvsModel.PVS6, PvsFirmware.Legacy, _) => 41001,
        (PvsModel.PVS6, PvsFirmware.Varserver, true) => 61840,
        (PvsModel.PVS6, PvsFirmware.Varserver, false) => 61846,
        (PvsModel.PVS5, PvsFirmware.Legacy, _) => 5031,
        _ => 5412,
    };

    public string SwVer => Firmware == PvsFirmware.Legacy
        ? $"2021.9, Build {Build.ToString(CultureInfo.InvariantCulture)}"
        : $"2025.{(Build61840 ? "06" : "10")}, Build {Build.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Varserver spelling of the software revision, e.g. 2025.06.24.61840.</summary>
    public string SwRev => $"2025.{(Build61840 ? "06.24" : "10.14")}.{Build.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The commissioning Wi-Fi SSID: "SunPower" + serial characters 5,6 + the last 3.</summary>
    public string Ssid => "SunPower" + Serial.Substring(4, 2) + Serial[^3..];

    /// <summary>The commissioning Wi-Fi password: serial characters 3–6 + the last 4.</summary>
    public string WpaKey => Serial.Substring(2, 4) + Serial[^4..];

    /// <summary>The LocalAPI password: the last five characters of the serial.</summary>
    public string Password => Serial[^5..];

    public static PvsInventory Create(PvsSimulatorOptions options)
    {
        var noise = new DeterministicNoise(options.Seed);
        var serial = options.Serial ?? string.Create(CultureInfo.InvariantCulture,
            $"ZT{noise.Integer(1, 0, 18, 23)}{noise.Integer(1, 1, 10, 52)}85{noise.Integer(1, 2, 0, 1_000_000):000000}A{noise.Integer(1, 3, 0, 10_000):0000}");
        var meterBase = noise.Integer(1, 4, 10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var meterPrefix = options.Model == PvsModel.PVS6 ? "PVS6M" : "PVS5M";
        var inverters = Enumerable.Range(0, options.Inverters)
            .Select(i => new InverterIdentity(
                Index: i,
                Serial: string.Create(CultureInfo.InvariantCulture, $"E00122{noise.Integer(2, i, 100_000_000, 999_999_999)}"),
                ModuleSerial: string.Create(CultureInfo.InvariantCulture, $"P07M{noise.Integer(3, i, 10_000_000, 99_999_999)}"),
                Scale: noise.Between(4, i, 0.93, 1.03)))
            .ToList();
        var ess = options.Ess ? EssInventory.Create(noise) : null;
        var mac = string.Create(CultureInfo.InvariantCulture,
            $"00:22:F2:{noise.Integer(5, 0, 0, 256):X2}:{noise.Integer(5, 1, 0, 256):X2}:{noise.Integer(5, 2, 0, 256):X2}");
        return new PvsInventory(serial, options.Model, options.Firmware, options.EmulateBuild61840,
            noise.Integer(6, 0, 100_000_000, 4_000_000_000), mac,
            meterPrefix + meterBase + "p", meterPrefix + meterBase + "c", inverters, ess);
    }
}

/// <summary>One SOLARBRIDGE microinverter; <see cref="Scale"/> spreads panels a little around nameplate.</summary>
internal sealed record InverterIdentity(int Index, string Serial, string ModuleSerial, double Scale);

/// <summary>Serial numbers of the SunVault components (one cabinet, two battery modules).</summary>
internal sealed record EssInventory(
    string HubSerial,
    string MioSerial,
    string PvDisconnectSerial,
    string GatewaySerial,
    string GatewayMac,
    string InverterSerial,
    string BmsSerial,
    IReadOnlyList<string> BatterySerials)
{
    /// <summary>The "whole system" device; its serial joins the XW Pro and the MIO serials.</summary>
    public string SystemSerial => $"{InverterSerial}_{MioSerial}";

    public static EssInventory Create(DeterministicNoise noise)
    {
        string Digits(int index, int count) =>
            noise.Integer(7, index, 0, (long)Math.Pow(10, count)).ToString(new string('0', count), CultureInfo.InvariantCulture);

        return new EssInventory(
            HubSerial: "SY" + Digits(0, 9) + "ABCD" + Digits(1, 4),
            MioSerial: "SY" + Digits(2, 9) + "MIO" + Digits(3, 5),
            PvDisconnectSerial: "SY" + Digits(4, 9) + "PVD" + Digits(5, 5),
            GatewaySerial: "BC" + Digits(6, 10),
            GatewayMac: string.Create(CultureInfo.InvariantCulture, $"d8:a9:8b:{noise.Integer(7, 20, 0, 256):x2}:{noise.Integer(7, 21, 0, 256):x2}:{noise.Integer(7, 22, 0, 256):x2}"),
            InverterSerial: "00001" + Digits(7, 7),
            BmsSerial: "BC" + Digits(8, 18),
            BatterySerials: ["M00122" + Digits(9, 3) + "A" + Digits(10, 4), "M00122" + Digits(11, 3) + "A" + Digits(12, 4)]);
    }
}
