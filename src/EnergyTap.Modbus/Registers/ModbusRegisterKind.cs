namespace EnergyTap.Modbus.Server;

/// <summary>The two register tables of a Modbus unit: holding (FC 3/6/16/23) and input (FC 4, read-only).</summary>
public enum ModbusRegisterKind
{
    Holding,
    Input,
}
