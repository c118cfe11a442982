namespace EnergyTap.FranklinWH.Cloud.Mqtt;

/// <summary>sendMqtt cmdType values EnergyTap uses.</summary>
public static class MqttCommandTypes
{
    /// <summary>Status refresh ({opt:1, refreshData:1}).</summary>
    public const int Status = 203;

    /// <summary>Electrical data and relays (evRelayStat = V2L contactor).</summary>
    public const int Electrical = 211;

    /// <summary>Smart circuits: Sw1/Sw2/Sw3 Name/Mode/ProLoad/MsgType, modeChoose, v2lModeEnable, v2lRunState.</summary>
    public const int SmartCircuits = 311;

    /// <summary>Accessory loads ({"opt":0}: SW1/SW2 and V2L/CarSW) and generator power (option 3).</summary>
    public const int AccessoryPower = 353;
}
