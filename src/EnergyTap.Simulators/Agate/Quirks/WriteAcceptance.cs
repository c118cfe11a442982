using EnergyTap.FranklinWH.Agate.Reading;
using EnergyTap.SunSpec.Images;

namespace EnergyTap.Simulators.Agate.Quirks;

/// <summary>
/// Which registers the aGate X firmware actually stores. Of the 48 model-704 points only WSetEna, WSetMod,
/// WSetPct, WSetRvrtTms, PFWInjEna (and WSet, which then makes the mode flicker) take a write; everything
/// else — WMaxLimPct*, VarSet*, WRmp, ControllerHb, OpCtl, LocRemCtl, the 702 settings — is acknowledged
/// and silently discarded. 15507/15508 are writable only with the SPAN unlock; 15509 only mirrors 15508.
/// </summary>
internal sealed class WriteAcceptance
{
    private static readonly string[] Writable = ["704.PFWInjEna", "704.WSetEna", "704.WSetMod", "704.WSet", "704.WSetPct", "704.WSetRvrtTms"];

    private readonly HashSet<int> accepted = [];
    private readonly Dictionary<int, string> names = [];

    public WriteAcceptance(SunSpecImage image, bool spanUnlocked, IEnumerable<string> extraDiscards)
    {
        foreach (var point in image.Map.Models.SelectMany(m => m.Points))
        {
            for (var i = 0; i < point.Size; i++)
            {
                names.TryAdd(point.Address + i, point.FullName);
            }
        }

        foreach (var point in Writable.Select(image.Locate))
        {
            accepted.UnionWith(Enumerable.Range(point.Address, point.Size));
        }

        foreach (var point in extraDiscards.Select(image.Locate))
        {
            accepted.ExceptWith(Enumerable.Range(point.Address, point.Size));
        }

        names[AgateVendorRegisters.OnGridMode] = "OnGridMode(15507)";
        names[AgateVendorRegisters.SelfReserve] = "SelfReserve(15508)";
        names[AgateVendorRegisters.TouReserve] = "TouReserve(15509)";
        if (spanUnlocked)
        {
            accepted.Add(AgateVendorRegisters.OnGridMode);
            accepted.Add(AgateVendorRegisters.SelfReserve);
        }
    }

    public bool Accepts(int address) => accepted.Contains(address);

    public string NameOf(int address) => names.GetValueOrDefault(address, $"register {address}");
}
