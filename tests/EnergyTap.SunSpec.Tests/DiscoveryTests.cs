using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Images;
using EnergyTap.SunSpec.Tests.Fakes;

namespace EnergyTap.SunSpec.Tests;

public class DiscoveryTests
{
    private static readonly (int Id, int Address, int Length)[] AgateChain =
    [
        (1, 2, 66), (701, 70, 153), (702, 225, 50), (703, 277, 17), (704, 296, 65), (705, 363, 0), (706, 0, 0), (707, 0, 0),
        (708, 0, 0), (709, 0, 0), (710, 0, 0), (711, 0, 0), (712, 0, 0), (713, 1033, 7), (714, 1042, 43), (715, 1087, 7), (502, 1096, 28),
    ];

    [Fact]
    public async Task Scan_finds_the_agate_chain_at_the_documented_addresses()
    {
        var bank = RegisterBankClient.From(AgateLikeImage.Build());

        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });

        Assert.Equal(0, device.Map.BaseAddress);
        Assert.Equal(AgateChain.Select(m => m.Id), device.Map.Models.Select(m => m.Id));
        foreach (var (id, address, length) in AgateChain.Where(m => m.Address != 0))
        {
            var model = device.Map.Find(id)!;
            Assert.Equal(address, model.Address);
            if (length != 0)
            {
                Assert.Equal(length, model.Length);
            }
        }

        Assert.Equal(1126, device.Map.EndAddress);
        Assert.Equal(318, device.Map.Resolve("704.WSetEna").Address);
        Assert.Equal(324, device.Map.Resolve("704.WSetPct").Address);
        Assert.Equal(298, device.Map.Resolve("704.PFWInjEna").Address);
        Assert.Equal(327, device.Map.Resolve("704.WSetRvrtTms").Address);
    }

    [Fact]
    public async Task Cold_scan_with_a_known_base_takes_eleven_reads_and_decodes_without_more()
    {
        var bank = RegisterBankClient.From(AgateLikeImage.Build());

        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });

        // Nine full windows (0..1124), one window past the end answered with exception 2, one exact read of 1125..1127.
        Assert.Equal(11, bank.Reads);
        Assert.Equal(new (int, int)[] { (1000, 125), (1125, 125), (1125, 3) }, bank.ReadLog.TakeLast(3));
        var before = bank.Reads;
        Assert.Equal("aGate X", device.Latest.Read("1.Md").Value);
        Assert.Equal(87.0, device.Latest.Read("713.SoC").Value);
        Assert.Equal(before, bank.Reads);
    }

    [Fact]
    public async Task Auto_base_tries_40000_then_0_and_costs_two_reads_per_missing_base()
    {
        var bank = RegisterBankClient.From(AgateLikeImage.Build());

        var device = await SunSpecScanner.ScanAsync(bank);

        Assert.Equal(0, device.Map.BaseAddress);
        Assert.Equal(13, bank.Reads);
        Assert.Equal((40000, 125), bank.ReadLog[0]);
        Assert.Equal((40000, 4), bank.ReadLog[1]);
    }

    [Theory]
    [InlineData(40000)]
    [InlineData(50000)]
    public async Task Auto_base_finds_the_marker_at_the_other_usual_places(int baseAddress)
    {
        var image = new SunSpecImageBuilder().Add(1, new Dictionary<string, object?> { ["SN"] = "X1" }).Build(baseAddress);
        var bank = RegisterBankClient.From(image);

        var device = await SunSpecScanner.ScanAsync(bank);

        Assert.Equal(baseAddress, device.Map.BaseAddress);
        Assert.Equal("X1", device.Latest.Read("1.SN").Value);
    }

    [Fact]
    public async Task A_map_shorter_than_one_window_is_read_with_an_exact_fallback()
    {
        var image = new SunSpecImageBuilder().Add(1).Build(40000);
        var bank = RegisterBankClient.From(image);

        var device = await SunSpecScanner.ScanAsync(bank);

        Assert.Single(device.Map.Models);
        // One window refused, then exact reads: marker with the first header, model 1 with the end marker.
        Assert.Equal(3, bank.Reads);
    }

    [Fact]
    public async Task Unknown_models_keep_their_place_and_raw_registers()
    {
        var image = new SunSpecImageBuilder()
            .Add(1)
            .AddRaw(64001, [1, 2, 3, 4, 5])
            .Add(713, new Dictionary<string, object?> { ["SoC"] = 50 })
            .Build(40000);
        var bank = RegisterBankClient.From(image);

        var device = await SunSpecScanner.ScanAsync(bank);

        var vendor = device.Map.Models[1];
        Assert.Equal(64001, vendor.Id);
        Assert.Null(vendor.Definition);
        Assert.Equal(40070, vendor.Address);
        Assert.Equal(new ushort[] { 1, 2, 3, 4, 5 }, device.Latest.RawData(vendor));
        Assert.Equal(50.0, device.Latest.Read("713.SoC").Value);
    }

    [Fact]
    public async Task An_end_answered_with_an_exception_instead_of_0xFFFF_ends_the_chain()
    {
        var image = new SunSpecImageBuilder().Add(1).Add(713).Build(0);
        var bank = new RegisterBankClient(0, image.Registers[..^2].ToArray());

        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });

        Assert.Equal([1, 713], device.Map.Models.Select(m => m.Id));
    }

    [Fact]
    public async Task A_length_of_zero_ends_the_chain()
    {
        var registers = new SunSpecImageBuilder().Add(1).Build(0).ToArray();
        registers[^2] = 0; // id 0, L 0 instead of 0xFFFF
        var bank = new RegisterBankClient(0, registers);

        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });

        Assert.Single(device.Map.Models);
    }

    [Fact]
    public async Task A_model_shorter_than_its_definition_keeps_the_points_that_fit_and_says_so()
    {
        var registers = new ushort[2 + 2 + 65 + 2];
        registers[0] = 0x5375;
        registers[1] = 0x6E53;
        registers[2] = 1;
        registers[3] = 65; // model 1 without its final Pad register
        registers[4 + 48] = 0x4142; // SN starts at offset 50 from the ID register
        registers[^2] = 0xFFFF;
        var bank = new RegisterBankClient(0, registers);

        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });

        var model = Assert.Single(device.Map.Models);
        Assert.Equal(65, model.Length);
        Assert.Equal("AB", device.Latest.Read("1.SN").Value);
        Assert.Null(model.Find("Pad"));
        Assert.Contains("too short for Pad", model.Problem);
    }
}
