using System.Globalization;

namespace EnergyTap.Manager.Prices;

/// <summary>
/// Prices as CSV with the header <c>start,end,value</c> (ISO 8601 times with offsets, value in currency per kWh).
/// Blank lines and lines starting with # are skipped; errors name the line number in the file.
/// </summary>
public static class PriceCsv
{
    public static IReadOnlyList<PriceSlot> Parse(string csv)
    {
        var lines = csv.Split('\n');
        var slots = new List<PriceSlot>();
        var lineNumbers = new List<int>();
        var headerSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var fields = line.Split(',');
            if (!headerSeen)
            {
                var header = string.Join(",", fields.Select(f => f.Trim().Trim('"').ToLowerInvariant()));
                if (header != "start,end,value")
                    throw new ManagerInputException($"price line {number}: the header must be start,end,value (found {line})");
                headerSeen = true;
                continue;
            }
            if (fields.Length != 3)
                throw new ManagerInputException($"price line {number}: expected 3 fields (start,end,value), found {fields.Length}");
            if (!IsoTime.TryParse(fields[0].Trim('"', ' '), out var start))
                throw new ManagerInputException($"price line {number}: start \"{fields[0].Trim()}\" is not an ISO 8601 time with an offset");
            if (!IsoTime.TryParse(fields[1].Trim('"', ' '), out var end))
                throw new ManagerInputException($"price line {number}: end \"{fields[1].Trim()}\" is not an ISO 8601 time with an offset");
            if (!double.TryParse(fields[2].Trim('"', ' '), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new ManagerInputException($"price line {number}: value \"{fields[2].Trim()}\" is not a number");
            slots.Add(new PriceSlot(start, end, value));
            lineNumbers.Add(number);
        }
        if (!headerSeen)
            throw new ManagerInputException("the price CSV is empty: expected the header start,end,value and one line per slot");
        return PriceSlotCheck.Checked(slots, i => $"price line {lineNumbers[i]}");
    }
}
