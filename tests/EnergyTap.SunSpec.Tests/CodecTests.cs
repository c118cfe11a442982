using EnergyTap.SunSpec.Catalog;
using EnergyTap.SunSpec.Codecs;

namespace EnergyTap.SunSpec.Tests;

public class CodecTests
{
    public static TheoryData<PointType, object, ushort[]> Examples => new()
    {
        { PointType.Int16, -60L, [0xFFC4] },
        { PointType.UInt16, 65534L, [0xFFFE] },
        { PointType.Acc16, 7L, [7] },
        { PointType.Raw16, 0xFFFFL, [0xFFFF] },
        { PointType.Enum16, 1L, [1] },
        { PointType.Bitfield16, 0x8001L, [0x8001] },
        { PointType.Count, 3L, [3] },
        { PointType.SunSsf, -3L, [0xFFFD] },
        { PointType.Int32, -100000L, [0xFFFE, 0x7960] },
        { PointType.UInt32, 186L, [0, 186] },
        { PointType.Acc32, 0x12345678L, [0x1234, 0x5678] },
        { PointType.Enum32, 2L, [0, 2] },
        { PointType.Bitfield32, 0x80000000L, [0x8000, 0] },
        { PointType.Int64, -2L, [0xFFFF, 0xFFFF, 0xFFFF, 0xFFFE] },
        { PointType.UInt64, 0x0001000200030004L, [1, 2, 3, 4] },
        { PointType.Acc64, 5L, [0, 0, 0, 5] },
        { PointType.UInt64, 0xFFFF_FFFF_FFFF_FFFEUL, [0xFFFF, 0xFFFF, 0xFFFF, 0xFFFE] },
        { PointType.Bitfield64, 1L << 40, [0, 0x100, 0, 0] },
        { PointType.Float32, 230.5, [0x4366, 0x8000] },
        { PointType.Float64, 0.1, [0x3FB9, 0x9999, 0x9999, 0x999A] },
        { PointType.String, "aGate", [0x6147, 0x6174, 0x6500, 0] },
        { PointType.IpAddr, "192.168.1.20", [0xC0A8, 0x0114] },
        { PointType.Ipv6Addr, "fe80::1", [0xFE80, 0, 0, 0, 0, 0, 0, 1] },
        { PointType.Eui48, "00:1A:2B:3C:4D:5E", [0, 0x001A, 0x2B3C, 0x4D5E] },
    };

    public static TheoryData<PointType, ushort[]> NotImplemented => new()
    {
        { PointType.Int16, [0x8000] },
        { PointType.SunSsf, [0x8000] },
        { PointType.UInt16, [0xFFFF] },
        { PointType.Enum16, [0xFFFF] },
        { PointType.Bitfield16, [0xFFFF] },
        { PointType.Acc16, [0] },
        { PointType.Int32, [0x8000, 0] },
        { PointType.UInt32, [0xFFFF, 0xFFFF] },
        { PointType.Enum32, [0xFFFF, 0xFFFF] },
        { PointType.Bitfield32, [0xFFFF, 0xFFFF] },
        { PointType.Acc32, [0, 0] },
        { PointType.Int64, [0x8000, 0, 0, 0] },
        { PointType.UInt64, [0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF] },
        { PointType.Acc64, [0, 0, 0, 0] },
        { PointType.Float32, [0x7FC0, 0] },
        { PointType.String, [0, 0x4142] },
        { PointType.IpAddr, [0, 0] },
        { PointType.Ipv6Addr, [0, 0, 0, 0, 0, 0, 0, 0] },
        { PointType.Eui48, [0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF] },
        { PointType.Pad, [0x1234] },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_type_decodes_and_encodes_the_same_registers(PointType type, object value, ushort[] registers)
    {
        Assert.Equal(value, PointCodec.Decode(type, registers));
        Assert.Equal(registers, PointEncoder.Encode("p", type, registers.Length, value));
    }

    [Theory]
    [MemberData(nameof(NotImplemented))]
    public void Not_implemented_values_decode_to_null(PointType type, ushort[] registers)
    {
        Assert.Null(PointCodec.Decode(type, registers));
    }

    [Theory]
    [InlineData(PointType.Int16, 32768)]
    [InlineData(PointType.Int16, -32768)]
    [InlineData(PointType.UInt16, 65535)]
    [InlineData(PointType.UInt16, -1)]
    [InlineData(PointType.SunSsf, 11)]
    [InlineData(PointType.Int32, 2147483648L)]
    [InlineData(PointType.UInt32, 4294967295L)]
    public void Values_outside_the_type_are_refused(PointType type, long value)
    {
        var ex = Assert.Throws<SunSpecValueException>(() => PointEncoder.Encode("704.X", type, type.DefaultSize(), value));
        Assert.Contains($"outside the {type.SchemaName()} range", ex.Message);
    }

    [Fact]
    public void Fractions_for_whole_number_types_and_long_strings_are_refused()
    {
        Assert.Throws<SunSpecValueException>(() => PointEncoder.Encode("p", PointType.Int16, 1, 1.5));
        Assert.Throws<SunSpecValueException>(() => PointEncoder.Encode("p", PointType.String, 2, "toolong"));
        Assert.Throws<SunSpecValueException>(() => PointEncoder.Encode("p", PointType.IpAddr, 2, "fe80::1"));
    }

    [Theory]
    [InlineData(2305, -1, 230.5)]
    [InlineData(-60, 0, -60.0)]
    [InlineData(5, 3, 5000.0)]
    [InlineData(-1, -3, -0.001)]
    public void Scale_factors_scale_exactly(long raw, long sf, double expected)
    {
        Assert.Equal(expected, ScaleFactors.Apply(raw, sf));
        Assert.Equal(raw, ScaleFactors.Remove((decimal)expected, sf));
    }

    [Fact]
    public void An_unimplemented_scale_factor_makes_the_value_null()
    {
        Assert.Null(ScaleFactors.Apply(100, null));
    }

    [Fact]
    public void Strings_stop_at_the_first_nul_and_ignore_trailing_spaces()
    {
        Assert.Equal("AB", PointCodec.Decode(PointType.String, [0x4142, 0x2020, 0, 0x4343]));
    }
}
