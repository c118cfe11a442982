using System.Text.Json.Nodes;

namespace EnergyTap.Simulators.Pvs.Payloads;

/// <summary>GridProfileGet (active/pending) and GridProfileRefresh (the catalogue, zip codes as ranges or lists).</summary>
internal static class GridProfilePayloads
{
    private const string ActiveId = "816bf3302d337a42680b996227ddbc46abf9cd05";
    private const string ActiveName = "IEEE-1547a-2014 + 2020 CA Rule21";

    public static JsonObject Get() => new()
    {
        ["result"] = "succeed",
        ["active_name"] = ActiveName,
        ["active_id"] = ActiveId,
        ["pending_name"] = ActiveName,
        ["pending_id"] = ActiveId,
        ["percent"] = 100,
        ["supported_by"] = "ALL",
        ["status"] = "success",
    };

    public static JsonObject Refresh() => new()
    {
        ["result"] = "succeed",
        ["profiles"] = new JsonArray
        {
            Profile("8c9c4170457c88f6dcee7216357681d580a3b9bd", "HECO OMH R14H (Legacy)", true, Range(96701, 96898)),
            Profile(ActiveId, ActiveName, false, Range(90001, 96162)),
            Profile("954a2a240698d9c006afb72fc93febc622b296eb", "La Plata Electric Assn", false,
                new JsonArray(81121, 81122, 81128, 81130, 81137, 81147, 81157, 81235, 81301, 81302, 81303, 81326, 81328, 81329)),
            Profile("cc09cb85389dc96bfdd2557499e7b93f169fa377", "ISO-NE Ride Through 2018", false, Range(1001, 2799)),
            Profile("99cd17b1b41d7953dea20aab50d0b6302771bd8a", "Xcel Energy PF (-0.90 absorb var)", false, Range(80001, 81699)),
            Profile("b88febee0ea30fd3a8ddd9ee840cfde633aed73d", "IEEE-1547", false, new JsonArray(), isDefault: true),
        },
    };

    private static JsonArray Range(int min, int max) => [new JsonObject { ["max"] = max, ["min"] = min }];

    private static JsonObject Profile(string id, string name, bool selfSupply, JsonArray zipCodes, bool isDefault = false) => new()
    {
        ["selfsupply"] = selfSupply,
        ["zipcodes"] = zipCodes,
        ["default"] = isDefault,
        ["filename"] = id[..8] + ".meta",
        ["id"] = id,
        ["name"] = name,
    };
}
