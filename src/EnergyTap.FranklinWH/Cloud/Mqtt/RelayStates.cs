namespace EnergyTap.FranklinWH.Cloud.Mqtt;

/// <summary>cmdType 211 relays. evRelayStat: 1 = V2L contactor closed (active), 0 = open.</summary>
public sealed record RelayStates(int? GridRelayStat, int? GenRelayStat, int? EvRelayStat);
