using EnergyTap.Simulators.Pvs.Payloads;

namespace EnergyTap.Simulators.Pvs.Varserver;

/// <summary>Varserver field names (camelCase, as the PVS spells them) and raw values for each device kind.</summary>
internal static class DeviceFields
{
    public static IEnumerable<(string Field, object Value)> Inverter(InverterReading i)
    {
        yield return ("freqHz", i.FreqHz);
        yield return ("i3phsumA", i.AcA);
        yield return ("iMppt1A", i.DcA);
        yield return ("ltea3phsumKwh", i.LifetimeKwh);
        yield return ("msmtEps", PvsFormat.IsoTime(i.DataTime));
        yield return ("p3phsumKw", i.PKw);
        yield return ("pMppt1Kw", i.DcKw);
        yield return ("prodMdlNm", "AC_Module_Type_E");
        yield return ("sn", i.Id.Serial);
        yield return ("tHtsnkDegc", i.HeatsinkC);
        yield return ("vMppt1V", i.DcV);
        yield return ("vln3phavgV", i.AcV);
    }

    /// <summary>Meter fields in varserver's alphabetical order; the production meter lacks the per-leg and import/export ones.</summary>
    public static IEnumerable<(string Field, object Value)> Meter(MeterReading m)
    {
        (string Field, object Value, bool ConsumptionOnly)[] fields =
        [
            ("ctSclFctr", m.CtScaleFactor, false),
            ("freqHz", m.FreqHz, false),
            ("i1A", m.I1A, true),
            ("i2A", m.I2A, true),
            ("msmtEps", PvsFormat.IsoTime(m.DataTime), false),
            ("negLtea3phsumKwh", m.NegKwh, true),
            ("netLtea3phsumKwh", m.NetKwh, false),
            ("p1Kw", m.P1Kw, true),
            ("p2Kw", m.P2Kw, true),
            ("p3phsumKw", m.PKw, false),
            ("posLtea3phsumKwh", m.PosKwh, true),
            ("prodMdlNm", m.Model, false),
            ("q3phsumKvar", m.QKvar, false),
            ("s3phsumKva", m.SKva, false),
            ("sn", m.Serial, false),
            ("totPfRto", m.PowerFactor, false),
            ("v12V", m.V12V, false),
            ("v1nV", m.V1nV, true),
            ("v2nV", m.V2nV, true),
        ];
        return fields.Where(f => m.IsConsumption || !f.ConsumptionOnly).Select(f => (f.Field, f.Value));
    }

    public static IEnumerable<(string Field, object Value)> Ess(EssReading e, EssInventory inventory)
    {
        yield return ("chrgLimitPmaxKw", 6.8);
        yield return ("customerSocVal", e.CustomerSoc);
        yield return ("dischrgLimPmaxKw", 6.8);
        yield return ("maxTBattCellDegc", e.MaxCellC);
        yield return ("maxVBattCellV", e.MaxCellV);
        yield return ("minTBattCellDegc", e.MinCellC);
        yield return ("minVBattCellV", e.MinCellV);
        yield return ("msmtEps", PvsFormat.IsoTime(e.DataTime));
        yield return ("negLtea3phsumKwh", e.ChargedKwh);
        yield return ("opMode", e.OperatingMode);
        yield return ("p3phsumKw", e.PKw);
        yield return ("posLtea3phsumKwh", e.DischargedKwh);
        yield return ("prodMdlNm", "SPWR-Equinox-model");
        yield return ("sn", inventory.SystemSerial);
        yield return ("socVal", e.Soc);
        yield return ("sohVal", e.Soh);
        yield return ("tInvtrDegc", e.InverterC);
        yield return ("v1nV", e.V1nV);
        yield return ("v2nV", e.V2nV);
        yield return ("vBattV", e.BatteryV);
    }

    public static IEnumerable<(string Field, object Value)> TransferSwitch(PvsSnapshot snapshot, EssInventory inventory)
    {
        var grid = snapshot.Consumption;
        yield return ("midStEnum", "GRID_CONNECTED");
        yield return ("msmtEps", PvsFormat.IsoTime(grid.DataTime));
        yield return ("prodMdlNm", "SunPower MIDC");
        yield return ("pvd1StEnum", "CLOSED");
        yield return ("sn", inventory.HubSerial);
        yield return ("tDegc", snapshot.Ess!.InverterC - 8);
        yield return ("v1nGridV", grid.V1nV);
        yield return ("v1nV", grid.V1nV - 0.2);
        yield return ("v2nGridV", grid.V2nV);
        yield return ("v2nV", grid.V2nV - 0.2);
        yield return ("vSpplyV", 12.1);
    }
}
