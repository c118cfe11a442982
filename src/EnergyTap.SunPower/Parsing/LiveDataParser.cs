using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower.Parsing;

/// <summary>Builds <see cref="PvsLiveData"/> from /sys/livedata variables, telemetry messages, or a DeviceList.</summary>
public static class LiveDataParser
{
    /// <summary>Variables keyed by full name (/sys/livedata/pv_p) or short name (pv_p).</summary>
    public static PvsLiveData FromVariables(IReadOnlyDictionary<string, string?> variables, PvsLiveDataSource source)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            fields[name[(name.LastIndexOf('/') + 1)..]] = value;
        }

        double? N(string name) => fields.TryGetValue(name, out var v) ? PvsValues.ParseNumber(v) : null;
        var soc = N("soc");
        return new PvsLiveData
        {
            Source = source,
            Time = fields.TryGetValue("time", out var time) ? PvsValues.ParseTime(time) : null,
            PvPower = Quantity.Of(N("pv_p"), PvsUnit.Kilowatt),
            PvEnergy = Quantity.Of(N("pv_en"), PvsUnit.KilowattHour),
            NetPower = Quantity.Of(N("net_p"), PvsUnit.Kilowatt),
            NetEnergy = Quantity.Of(N("net_en"), PvsUnit.KilowattHour),
            SiteLoadPower = Quantity.Of(N("site_load_p"), PvsUnit.Kilowatt),
            SiteLoadEnergy = Quantity.Of(N("site_load_en"), PvsUnit.KilowattHour),
            EssPower = Quantity.Of(N("ess_p"), PvsUnit.Kilowatt),
            EssEnergy = Quantity.Of(N("ess_en"), PvsUnit.KilowattHour),
            StateOfCharge = soc is { } s ? new Quantity(s <= 1.0 ? s * 100 : s, PvsUnit.Percent) : null,
            BackupTimeRemaining = Quantity.Of(N("backupTimeRemaining"), PvsUnit.Minute),
            MidState = fields.TryGetValue("midstate", out var mid) ? PvsValues.ParseInteger(mid) : null,
            Fields = fields,
        };
    }

    /// <summary>
    /// Legacy firmware has no livedata: production comes from the production meter, grid from the consumption
    /// meter. A net (load-side) consumption meter measures the grid, so site load = PV + net; a gross
    /// consumption meter measures the load, so net = load − PV.
    /// </summary>
    public static PvsLiveData FromDeviceList(PvsDeviceSnapshot snapshot)
    {
        var production = snapshot.ProductionMeter;
        var consumption = snapshot.ConsumptionMeter;
        var pvPower = production?.Power ?? snapshot.VirtualProductionMeter.Power;
        var pvEnergy = production?.NetEnergy ?? snapshot.VirtualProductionMeter.LifetimeEnergy;
        var gross = consumption?.Subtype?.Contains("GROSS", StringComparison.OrdinalIgnoreCase) == true;
        Quantity? net = null, load = null, netEnergy = null, loadEnergy = null;
        if (consumption?.Power is { } c)
        {
            net = gross ? new Quantity(c.Value - pvPower.Value, PvsUnit.Kilowatt) : c;
            load = gross ? c : new Quantity(pvPower.Value + c.Value, PvsUnit.Kilowatt);
        }

        if (consumption?.NetEnergy is { } ce && pvEnergy is { } pe)
        {
            netEnergy = gross ? new Quantity(ce.Value - pe.Value, PvsUnit.KilowattHour) : ce;
            loadEnergy = gross ? ce : new Quantity(pe.Value + ce.Value, PvsUnit.KilowattHour);
        }

        return new PvsLiveData
        {
            Source = PvsLiveDataSource.DeviceList,
            Time = consumption?.DataTime ?? production?.DataTime ?? snapshot.FetchedAt,
            PvPower = pvPower,
            PvEnergy = pvEnergy,
            NetPower = net,
            NetEnergy = netEnergy,
            SiteLoadPower = load,
            SiteLoadEnergy = loadEnergy,
            StateOfCharge = snapshot.Battery.CustomerStateOfCharge ?? snapshot.Battery.StateOfCharge,
            EssPower = snapshot.Battery.Power,
        };
    }
}
