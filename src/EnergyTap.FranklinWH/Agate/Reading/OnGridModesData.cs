namespace EnergyTap.FranklinWH.Agate.Reading;

/// <summary>
/// The built-in OnGridMode (vendor register 15507) numberings, kept as a JSON document so they can be
/// corrected without touching code, and replaced at run time with <see cref="OnGridModeNames.Parse"/>.
/// </summary>
internal static class OnGridModesData
{
    public const string Json = """
        {
          "comment": "OnGridMode (vendor register 15507) numberings. Sources disagree; neither is settled. Edit here, not in code.",
          "numberings": [
            {
              "id": "seed001",
              "source": "FranklinWH Modbus TCP Implementation Guide (seed 001), aGate X FW V10R01B04D00",
              "modes": { "0": "Backup", "1": "Time of Use", "2": "Self-Consumption", "3": "Manual" }
            },
            {
              "id": "alternate",
              "source": "third-party register map",
              "modes": { "1": "Backup", "2": "Self-Consumption", "3": "Time of Use", "4": "Manual" }
            }
          ]
        }
        """;
}
