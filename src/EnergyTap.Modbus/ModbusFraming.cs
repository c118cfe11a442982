namespace EnergyTap.Modbus;

/// <summary>How Modbus frames travel over a TCP connection.</summary>
public enum ModbusFraming
{
    /// <summary>Modbus TCP: a 7-byte MBAP header (transaction id, protocol 0, length, unit id) before the PDU.</summary>
    Tcp,

    /// <summary>RTU frames (unit id, PDU, CRC-16) carried unchanged over TCP, as RS-485 gateways do. No transaction ids.</summary>
    RtuOverTcp,
}
