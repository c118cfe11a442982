namespace EnergyTap.SunPower;

/// <summary>
/// Where a PVS is. Users give "172.27.153.1", "pvs.local:8080" or a URL. Without a scheme, dl_cgi is reached
/// over http and the LocalAPI (varserver) over https, as on real units; with a scheme (a proxy, a simulator)
/// both use that URL.
/// </summary>
public sealed record PvsEndpoint(Uri DlCgiBase, Uri VarserverBase)
{
    public string Host => DlCgiBase.Host;

    public static PvsEndpoint Parse(string address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new ArgumentException("a PVS address is required (host, host:port or http(s) URL)", nameof(address));
        }

        var text = address.Trim().TrimEnd('/');
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"'{address}' is not an http or https URL", nameof(address));
            }

            var root = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
            return new PvsEndpoint(root, root);
        }

        if (!Uri.TryCreate("http://" + text + "/", UriKind.Absolute, out var http) || http.AbsolutePath != "/")
        {
            throw new ArgumentException($"'{address}' is not a host, host:port or URL", nameof(address));
        }

        var https = new UriBuilder(http) { Scheme = Uri.UriSchemeHttps, Port = http.IsDefaultPort ? 443 : http.Port }.Uri;
        return new PvsEndpoint(http, https);
    }
}
