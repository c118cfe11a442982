using System.Text.Json.Nodes;
using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Generator;

namespace EnergyTap.FranklinWH.Cloud;

public sealed partial class FranklinCloudClient
{
    /// <summary>selectIotGenerator. Only meaningful when <see cref="Accessories.DiscoverySnapshot.HasGenerator"/>.</summary>
    public async Task<GeneratorInfo> GetGeneratorInfoAsync(string gatewayId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        var result = await GetAsync("selectIotGenerator", [Q("gatewayId", gatewayId)], cancellationToken);
        return new GeneratorInfo(result.Int("genStat") ?? result.Int("status"), result.Int("manuSw"), result.Int("opt"));
    }

    /// <summary>updateIotGenerator {gatewayId, manuSw, opt:1}. Only toggles auto/manual; starting and stopping stays in the app.</summary>
    public async Task SetGeneratorModeAsync(string gatewayId, GeneratorMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "generator mode must be Auto (1) or Manual (2)");
        }

        await PostJsonAsync("updateIotGenerator", new JsonObject { ["gatewayId"] = gatewayId, ["manuSw"] = (int)mode, ["opt"] = 1 }, cancellationToken);
    }
}
