namespace EnergyTap.Modbus.Server;

/// <summary>How the server treats requests for a unit id it has no registers for.</summary>
public enum ModbusUnknownUnitResponse
{
    /// <summary>Exception 11 (GATEWAY TARGET DEVICE FAILED TO RESPOND), as a gateway does: the client learns at once.</summary>
    GatewayTargetFailedToRespond,

    /// <summary>No answer at all, like an RS-485 bus where no device has that address: the client times out.</summary>
    Ignore,
}
