using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.Model;

/// <summary>SunVault ESS Hub (TYPE EQUINOX-MIO, "multi I/O"): cabinet temperature, humidity, supply voltages, fans.</summary>
public sealed record PvsEssHub : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.EssHub;

    public Quantity? Temperature => Q(PvsUnit.Celsius, "t_degc");

    public Quantity? Humidity => Q(PvsUnit.Percent, "humidity");

    public Quantity? DcDcSupplyVoltage => Q(PvsUnit.Volt, "v_dcdc_spply_v");

    public Quantity? SupplyVoltage => Q(PvsUnit.Volt, "v_spply_v");

    public Quantity? GatewayVoltage => Q(PvsUnit.Volt, "v_gateway_v");

    public bool? FanActive => PvsValues.ParseFlag(Field("fan_actv_fl"));

    public long? FirmwareErrors => I("fw_error");

    public long? EventHistory => I("event_history");
}
