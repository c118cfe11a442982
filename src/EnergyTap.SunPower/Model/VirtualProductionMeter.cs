namespace EnergyTap.SunPower.Model;

/// <summary>
/// Production computed as the sum of the inverters, for sites whose production meter is missing or wrong.
/// Sleeping inverters (night, no metrics) count as zero power; lifetime energy sums only reporting inverters,
/// so compare energy only when <see cref="Reporting"/> equals <see cref="Total"/>.
/// </summary>
public sealed record VirtualProductionMeter(Quantity Power, Quantity? LifetimeEnergy, int Reporting, int Total)
{
    public static VirtualProductionMeter From(IEnumerable<PvsInverter> inverters)
    {
        var list = inverters.ToList();
        var power = list.Sum(i => i.AcPower?.Value ?? 0);
        var energy = Quantity.Sum(list.Select(i => i.LifetimeEnergy), PvsUnit.KilowattHour);
        return new VirtualProductionMeter(new Quantity(power, PvsUnit.Kilowatt), energy, list.Count(i => i.IsWorking), list.Count);
    }
}
