using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Gateways;

namespace EnergyTap.Cli.Commands.Cloud;

/// <summary>The options every `energytap cloud` command shares, and the client they configure.</summary>
internal sealed class CloudCliOptions
{
    public Option<string> BaseUrl { get; } = new("--base-url")
    {
        Description = $"FranklinWH cloud base URL. Default {FranklinCloudOptions.DefaultBaseUri}; use the URL `energytap simulate cloud` prints to try EnergyTap without an account.",
        DefaultValueFactory = _ => FranklinCloudOptions.DefaultBaseUri.ToString(),
    };

    public Option<string?> Gateway { get; } = new("--gateway")
    {
        Description = "Gateway (aGate serial) to use when the account has several; see `energytap cloud gateways`.",
    };

    public Option<bool> Json { get; } = CommonOptions.Json();

    /// <summary>A new command with the shared options (a fresh set per command).</summary>
    public static (Command Command, CloudCliOptions Options) Command(string name, string description, bool withGateway = true)
    {
        var options = new CloudCliOptions();
        var command = new Command(name, description) { options.BaseUrl, options.Json };
        if (withGateway)
        {
            command.Options.Add(options.Gateway);
        }

        return (command, options);
    }

    public FranklinCloudClient CreateClient(ParseResult parse, out FileTokenStore store)
    {
        var text = parse.GetValue(BaseUrl)!;
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--base-url must be an http(s) URL, not '{text}'.");
        }

        store = FileTokenStore.For(baseUri, CloudCredentialsSource.EmailFromEnvironment);
        return new FranklinCloudClient(new FranklinCloudOptions
        {
            BaseUri = baseUri,
            Credentials = CloudCredentialsSource.ObtainAsync,
            TokenStore = store,
        });
    }

    public FranklinCloudClient CreateClient(ParseResult parse) => CreateClient(parse, out _);

    /// <summary>The gateway to act on; several and none chosen is a usage error listing them.</summary>
    public async Task<string> GatewayIdAsync(FranklinCloudClient client, ParseResult parse, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.ResolveGatewayAsync(parse.GetValue(Gateway), cancellationToken)).Id;
        }
        catch (GatewayNotFoundException ex) when (ex.ChoiceNeeded)
        {
            // The library says a choice is missing; the flag that makes it is ours to name.
            throw new UsageException($"this account has {ex.AvailableIds.Count} gateways; pick one with --gateway: {string.Join(", ", ex.AvailableIds)}.");
        }
        catch (GatewayNotFoundException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
