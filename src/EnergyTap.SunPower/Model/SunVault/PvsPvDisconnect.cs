namespace EnergyTap.SunPower.Model;

/// <summary>SunVault PV Disconnect relay: separates PV from the grid tie during battery operation.</summary>
public sealed record PvsPvDisconnect : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.PvDisconnect;

    /// <summary>relay_mode: 0 is believed to mean utility operation, 1 battery operation.</summary>
    public long? RelayMode => I("relay_mode");

    public long? Relay1State => I("relay1_state");

    public long? Relay2State => I("relay2_state");

    public long? Relay1Errors => I("relay1_error");

    public long? Relay2Errors => I("relay2_error");

    public Quantity? GridVoltage1N => Q(PvsUnit.Volt, "v1n_grid_v");

    public Quantity? GridVoltage2N => Q(PvsUnit.Volt, "v2n_grid_v");

    public Quantity? PvVoltage1N => Q(PvsUnit.Volt, "v1n_pv_v");

    public Quantity? PvVoltage2N => Q(PvsUnit.Volt, "v2n_pv_v");

    public long? FirmwareErrors => I("fw_error");

    public long? EventHistory => I("event_history");
}
