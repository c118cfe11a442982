namespace EnergyTap.SunPower.Model;

/// <summary>
/// SunVault HUB+ (model "SunPower MIDC"): the microgrid interconnect controller. dl_cgi gives only its state;
/// varserver's /sys/devices/transfer_switch adds MID and PV-disconnect states, temperature and voltages.
/// </summary>
public sealed record PvsHubPlus : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.HubPlus;

    public string? MidState => Field("midStEnum");

    public string? PvDisconnectState => Field("pvd1StEnum");

    public Quantity? Temperature => Q(PvsUnit.Celsius, "t_degc", "tDegc");

    public Quantity? GridVoltage1N => Q(PvsUnit.Volt, "v1n_grid_v", "v1nGridV");

    public Quantity? GridVoltage2N => Q(PvsUnit.Volt, "v2n_grid_v", "v2nGridV");

    public Quantity? Voltage1N => Q(PvsUnit.Volt, "v1n_v", "v1nV");

    public Quantity? Voltage2N => Q(PvsUnit.Volt, "v2n_v", "v2nV");

    public Quantity? SupplyVoltage => Q(PvsUnit.Volt, "v_spply_v", "vSpplyV");
}
