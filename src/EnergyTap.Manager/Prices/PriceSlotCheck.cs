namespace EnergyTap.Manager.Prices;

/// <summary>The checks every parsed price list passes: finite values, end after start, in order, no overlaps.</summary>
internal static class PriceSlotCheck
{
    /// <summary>Throws a <see cref="ManagerInputException"/> naming the entry (e.g. "price line 4") that breaks a rule.</summary>
    public static IReadOnlyList<PriceSlot> Checked(IReadOnlyList<PriceSlot> slots, Func<int, string> where)
    {
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (!double.IsFinite(slot.Value))
                throw new ManagerInputException($"{where(i)}: the price is not a finite number");
            if (slot.End <= slot.Start)
                throw new ManagerInputException($"{where(i)}: end {slot.End:u} is not after start {slot.Start:u}");
            if (i == 0)
                continue;
            var previous = slots[i - 1];
            if (slot.Start < previous.Start)
                throw new ManagerInputException($"{where(i)}: starts at {slot.Start:u}, before the slot above it ({previous.Start:u}); slots must be in time order");
            if (slot.Start < previous.End)
                throw new ManagerInputException($"{where(i)}: starts at {slot.Start:u}, inside the slot above it (which ends {previous.End:u}); slots must not overlap");
        }
        return slots;
    }
}
