namespace EnergyTap.SunPower.Commissioning;

/// <summary>
/// The Wi-Fi network a PVS opens for commissioning (for 4 hours after power-up): SSID "SunPower" + serial
/// characters 5–6 + the last 3; password serial characters 3–6 + the last 4 (1-based). For
/// ZT190585000549A6185 that is SunPower05185 / 19056185. The seed document prints the SSID one character
/// shorter ("SunPower0518"); the rule, which its password example confirms, is followed here.
/// </summary>
public sealed record CommissioningWifi(string Ssid, string Password)
{
    public static CommissioningWifi FromSerial(string serial)
    {
        var s = serial?.Trim() ?? "";
        if (s.Length < 8 || !s.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{serial}' does not look like a PVS serial (e.g. ZT190585000549A6185)", nameof(serial));
        }

        return new CommissioningWifi("SunPower" + s[4..6] + s[^3..], s[2..6] + s[^4..]);
    }
}
