using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyTap.FranklinWH.Cloud.Auth;

namespace EnergyTap.Cli.Commands.Cloud;

/// <summary>
/// Caches the FranklinWH login token in the user's config dir (ENERGYTAP_CONFIG_DIR, else ~/.config/energytap),
/// one file per cloud base URL, readable only by its owner (0600, directory 0700). A token for a different account
/// than ENERGYTAP_CLOUD_EMAIL names is ignored.
/// </summary>
internal sealed class FileTokenStore(string path, string? expectedAccount) : ICloudTokenStore
{
    public const string ConfigDirVariable = "ENERGYTAP_CONFIG_DIR";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    public string Path { get; } = path;

    public static string ConfigDirectory =>
        Environment.GetEnvironmentVariable(ConfigDirVariable) is { Length: > 0 } dir
            ? dir
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "energytap");

    public static FileTokenStore For(Uri baseUri, string? expectedAccount)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(baseUri.AbsoluteUri)))[..16];
        return new FileTokenStore(System.IO.Path.Combine(ConfigDirectory, "cloud", $"token-{key}.json"), expectedAccount);
    }

    public async ValueTask<CloudToken?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(await File.ReadAllTextAsync(Path, cancellationToken));
            var account = node?["account"]?.GetValue<string>();
            var token = node?["token"]?.GetValue<string>();
            if (account is null || token is null)
            {
                return null;
            }

            return expectedAccount is null || string.Equals(account, expectedAccount, StringComparison.OrdinalIgnoreCase)
                ? new CloudToken(account, token)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null; // a damaged cache only costs one login
        }
    }

    public async ValueTask SaveAsync(CloudToken token, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }

        var temporary = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            var body = new JsonObject { ["account"] = token.Account, ["token"] = token.Token };
            await stream.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, OwnerOnlyFile); // in case a stale temp file existed with wider rights
        }

        File.Move(temporary, Path, overwrite: true);
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
