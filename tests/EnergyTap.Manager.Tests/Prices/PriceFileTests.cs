using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Tests.Prices;

public sealed class PriceFileTests
{
    [Fact]
    public void The_generic_json_array_gives_slots_with_their_offsets()
    {
        var slots = PriceJson.Parse("""
            [{"start": "2026-06-01T17:00:00-07:00", "end": "2026-06-01T18:00:00-07:00", "value": 0.45, "currency": "USD"},
             {"start": "2026-06-02T01:00:00Z", "end": "2026-06-02T02:00:00Z", "value": "0.12"}]
            """);

        Assert.Equal(2, slots.Count);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero), slots[0].Start);
        Assert.Equal(0.45, slots[0].Value);
        Assert.Equal(0.12, slots[1].Value);
    }

    [Theory]
    [InlineData("""{"start": 1}""", "must be a JSON array")]
    [InlineData("""[{"start": "2026-06-01T00:00:00Z", "end": "2026-06-01T01:00:00Z", "value": 1},""", "not valid JSON")]
    [InlineData("""[{"start": "2026-06-01T00:00:00Z", "end": "2026-06-01T01:00:00Z"}]""", "price entry 1: \"value\" is missing")]
    [InlineData("""[{"start": "2026-06-01T00:00:00Z", "end": "2026-06-01T01:00:00Z", "value": "NaN"}]""", "price entry 1: the price is not a finite number")]
    [InlineData("""[{"start": "2026-06-01T00:00:00Z", "end": "2026-06-01T01:00:00Z", "value": true}]""", "price entry 1: \"value\" is not a number")]
    [InlineData("""[{"start": "2026-06-01 00:00", "end": "2026-06-01T01:00:00Z", "value": 1}]""", "price entry 1: \"start\" is not an ISO 8601 time with an offset")]
    [InlineData("""[{"start": "2026-06-01T01:00:00Z", "end": "2026-06-01T01:00:00Z", "value": 1}]""", "price entry 1: end 2026-06-01 01:00:00Z is not after start")]
    [InlineData("""
        [{"start": "2026-06-01T00:00:00Z", "end": "2026-06-01T01:00:00Z", "value": 1},
         {"start": "2026-06-01T00:30:00Z", "end": "2026-06-01T02:00:00Z", "value": 1}]
        """, "price entry 2: starts at 2026-06-01 00:30:00Z, inside the slot above it")]
    [InlineData("""
        [{"start": "2026-06-01T02:00:00Z", "end": "2026-06-01T03:00:00Z", "value": 1},
         {"start": "2026-06-01T00:00:00Z", "end": "2026-06-01T01:00:00Z", "value": 1}]
        """, "price entry 2: starts at 2026-06-01 00:00:00Z, before the slot above it")]
    public void Malformed_json_gives_one_line_naming_the_entry(string json, string expected)
    {
        var error = Assert.Throws<ManagerInputException>(() => PriceJson.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Csv_with_the_start_end_value_header_gives_slots()
    {
        var slots = PriceCsv.Parse("start,end,value\r\n# peak\n2026-06-01T16:00:00-07:00,2026-06-01T21:00:00-07:00,0.52\n\n2026-06-01T21:00:00-07:00,2026-06-02T16:00:00-07:00,0.31\n");

        Assert.Equal(2, slots.Count);
        Assert.Equal(TimeSpan.FromHours(5), slots[0].End - slots[0].Start);
        Assert.Equal(0.31, slots[1].Value);
    }

    [Theory]
    [InlineData("time,price\n", "price line 1: the header must be start,end,value")]
    [InlineData("start,end,value\n2026-06-01T00:00:00Z,2026-06-01T01:00:00Z\n", "price line 2: expected 3 fields")]
    [InlineData("start,end,value\n2026-06-01T00:00:00Z,2026-06-01T01:00:00Z,0.1\n2026-06-01T01:00:00Z,tomorrow,0.1\n", "price line 3: end \"tomorrow\" is not an ISO 8601 time")]
    [InlineData("start,end,value\n\n2026-06-01T00:00:00Z,2026-06-01T01:00:00Z,cheap\n", "price line 3: value \"cheap\" is not a number")]
    [InlineData("start,end,value\n2026-06-01T00:00:00Z,2026-06-01T01:00:00Z,Infinity\n", "price line 2: the price is not a finite number")]
    [InlineData("start,end,value\n2026-06-01T00:00:00Z,2026-06-01T02:00:00Z,0.1\n2026-06-01T01:00:00Z,2026-06-01T03:00:00Z,0.2\n", "price line 3: starts at 2026-06-01 01:00:00Z, inside the slot above it")]
    [InlineData("", "the price CSV is empty")]
    public void Malformed_csv_gives_one_line_naming_the_line(string csv, string expected)
    {
        var error = Assert.Throws<ManagerInputException>(() => PriceCsv.Parse(csv));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_price_file_is_read_as_json_or_csv_by_its_first_character()
    {
        Assert.Single(PriceFile.Parse("""  [{"start": "2026-06-01T00:00:00Z", "end": "2026-06-01T01:00:00Z", "value": 0.1}]"""));
        Assert.Single(PriceFile.Parse("start,end,value\n2026-06-01T00:00:00Z,2026-06-01T01:00:00Z,0.1\n"));
        // A JSON object is JSON that is not the array, not a CSV without its header.
        Assert.Contains("must be a JSON array", Assert.Throws<ManagerInputException>(() => PriceFile.Parse("{}")).Message, StringComparison.Ordinal);
        Assert.Contains("header", Assert.Throws<ManagerInputException>(() => PriceFile.Parse("time,price\n")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gap_is_an_unknown_price_not_a_free_or_a_dear_one()
    {
        var t0 = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var schedule = new PriceSchedule([new PriceSlot(t0, t0.AddHours(1), 0.1), new PriceSlot(t0.AddHours(2), t0.AddHours(3), 0.3)]);

        Assert.Equal(0.1, schedule.MeanOver(t0.AddMinutes(15), t0.AddMinutes(30)));
        Assert.Equal(0.3, schedule.MeanOver(t0.AddHours(2.5), t0.AddHours(3)));
        Assert.Null(schedule.MeanOver(t0.AddMinutes(45), t0.AddMinutes(75))); // half in the gap
        Assert.Null(schedule.MeanOver(t0.AddHours(3), t0.AddHours(4))); // past the end
        Assert.Equal(0.1, schedule.LastKnownBefore(t0.AddHours(1.5)));
        Assert.Equal(0.3, schedule.FirstKnownAfter(t0.AddHours(1.5)));
        var spanning = new PriceSchedule([new PriceSlot(t0, t0.AddHours(1), 0.1), new PriceSlot(t0.AddHours(1), t0.AddHours(2), 0.3)]);
        Assert.Equal(0.2, spanning.MeanOver(t0.AddMinutes(30), t0.AddMinutes(90))!.Value, 9);
    }

    [Fact]
    public void Point_lookups_and_the_first_gap_agree_with_the_slots_whether_searched_or_walked_in_time_order()
    {
        var t0 = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var schedule = new PriceSchedule([new PriceSlot(t0.AddHours(2), t0.AddHours(3), 0.3), new PriceSlot(t0, t0.AddHours(1), 0.1)]);
        var cursor = schedule.InTimeOrder();

        foreach (var (hours, expected) in new (double, double?)[] { (-1, null), (0, 0.1), (0.99, 0.1), (1, null), (1.5, null), (2, 0.3), (2.5, 0.3), (3, null) })
        {
            Assert.Equal(expected, schedule.At(t0.AddHours(hours)));
            Assert.Equal(expected, cursor.At(t0.AddHours(hours)));
        }

        Assert.Equal(t0.AddHours(1), schedule.FirstGap(t0, t0.AddHours(3)));
        Assert.Equal(t0.AddHours(-1), schedule.FirstGap(t0.AddHours(-1), t0.AddHours(1)));
        Assert.Equal(t0.AddHours(3), schedule.FirstGap(t0.AddHours(2), t0.AddHours(4)));
        Assert.Null(schedule.FirstGap(t0.AddMinutes(10), t0.AddMinutes(50)));
        Assert.Null(schedule.FirstGap(t0.AddHours(2), t0.AddHours(3)));
    }
}
