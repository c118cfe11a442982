namespace EnergyTap.SunPower.Legacy;

/// <summary>One network interface from Get_Comm / communication/interfaces (wan, plc, sta0, cell …).</summary>
public sealed record PvsNetworkInterface(string? Interface, string? Internet, string? IpAddress, string? Link, string? State, string? Sms, string? Ssid, string? Signal)
{
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();
}

/// <summary>Network status: every interface, which one carries the internet connection, and the PVS timestamp.</summary>
public sealed record PvsCommStatus(IReadOnlyList<PvsNetworkInterface> Interfaces, string? SystemInterface, string? SystemInternet, string? SystemSms, DateTimeOffset? Timestamp);
