using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Modbus;

namespace EnergyTap.Cli.Commands.Modbus;

/// <summary>The options every `energytap modbus` command shares: where the device is and how to talk to it.</summary>
internal sealed class ModbusConnectionOptions
{
    public const string AddressHelp =
        "ADDRESS is the 0-based PDU address sent on the wire (decimal or 0x hex): the aGate's \"SunS\" marker is at 0. " +
        "With --one-based, ADDRESS is a 1-based register number as many manuals and mbpoll print it: register 1 is PDU address 0.";

    public ModbusEndpoint Endpoint { get; } = new("Device or gateway host name or IP address, e.g. 172.27.153.1.");

    public Option<string> Framing { get; } = CreateFraming();

    public Option<bool> OneBased { get; } = new("--one-based") { Description = "Treat ADDRESS as a 1-based register number (ADDRESS - 1 is sent). Default: 0-based PDU address." };

    public Option<double> ConnectTimeout { get; } = new("--connect-timeout") { Description = "Seconds to wait for the TCP connection.", DefaultValueFactory = _ => 5 };

    public void AddTo(Command command)
    {
        Endpoint.AddTo(command);
        foreach (var option in new Option[] { Framing, OneBased, ConnectTimeout })
        {
            command.Options.Add(option);
        }
    }

    public ModbusTcpClient CreateClient(ParseResult parse)
    {
        return new ModbusTcpClient(Endpoint.ClientOptions(parse) with
        {
            Framing = parse.GetValue(Framing) == "rtu" ? ModbusFraming.RtuOverTcp : ModbusFraming.Tcp,
            ConnectTimeout = OptionRanges.Seconds(parse.GetValue(ConnectTimeout), "--connect-timeout", 300),
        });
    }

    /// <summary>The PDU address for the ADDRESS argument under the chosen convention.</summary>
    public ushort PduAddress(ParseResult parse, string text, int count)
    {
        var number = RegisterValues.ParseNumber(text, "ADDRESS");
        var oneBased = parse.GetValue(OneBased);
        var address = oneBased ? number - 1 : number;
        if (address < 0 || address + count > 65536)
        {
            var range = oneBased ? "1..65536 with --one-based" : "0..65535";
            throw new UsageException($"ADDRESS {text} with {count} register(s) is outside the register space ({range})");
        }

        return (ushort)address;
    }

    private static Option<string> CreateFraming()
    {
        var option = new Option<string>("--framing")
        {
            Description = "tcp: Modbus TCP (MBAP header). rtu: RTU frames with CRC over TCP, for RS-485-to-TCP gateways in transparent mode.",
            DefaultValueFactory = _ => "tcp",
        };
        option.AcceptOnlyFromAmong("tcp", "rtu");
        return option;
    }

}
