using System.CommandLine;
using System.Globalization;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Modbus;
using Spectre.Console;

namespace EnergyTap.Cli.Commands.Modbus;

/// <summary>`energytap modbus read`: one FC 3 (or FC 4 with --input) request, printed as a table or JSON.</summary>
internal static class ModbusReadCommand
{
    public static Command Create()
    {
        var connection = new ModbusConnectionOptions();
        var address = new Argument<string>("ADDRESS") { Description = "First register. " + ModbusConnectionOptions.AddressHelp };
        var count = new Argument<int>("COUNT") { Description = "Number of registers, 1..125.", DefaultValueFactory = _ => 1 };
        var input = new Option<bool>("--input") { Description = "Read input registers (FC 4) instead of holding registers (FC 3)." };
        var format = new Option<string>("--format") { Description = "How the Value column shows registers: unsigned (0..65535), signed (-32768..32767) or hex.", DefaultValueFactory = _ => "unsigned" };
        format.AcceptOnlyFromAmong("unsigned", "signed", "hex");
        var json = CommonOptions.Json();

        var command = new Command("read", "Read holding (FC 3) or input (FC 4) registers and print address, value and hex.") { address, count };
        connection.AddTo(command);
        command.Options.Add(input);
        command.Options.Add(format);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(count);
            if (n is < 1 or > 125)
            {
                throw new UsageException($"COUNT must be 1..125 (one Modbus request), not {n}");
            }

            var start = connection.PduAddress(parse, parse.GetValue(address)!, n);
            var unit = connection.Endpoint.UnitOf(parse);
            var fromInput = parse.GetValue(input);
            await using var client = connection.CreateClient(parse);
            var values = fromInput
                ? await client.ReadInputRegistersAsync(unit, start, (ushort)n, ct)
                : await client.ReadHoldingRegistersAsync(unit, start, (ushort)n, ct);

            Print(parse, connection, values, start, fromInput, parse.GetValue(format)!, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static void Print(ParseResult parse, ModbusConnectionOptions connection, ushort[] values, ushort start, bool input, string format, bool json)
    {
        var registers = values.Select((v, i) => new RegisterJson((ushort)(start + i), start + i + 1, RegisterValues.Formatted(v, format), v, RegisterValues.Hex(v))).ToList();
        if (json)
        {
            Output.WriteJson(new ReadJson(
                connection.Endpoint.HostOf(parse)!, connection.Endpoint.PortOf(parse), connection.Endpoint.UnitOf(parse),
                input ? "input" : "holding", input ? 4 : 3, format, registers));
            return;
        }

        var table = new Table().AddColumns("Address", "Register no.", $"Value ({format})", "Hex");
        foreach (var r in registers)
        {
            table.AddRow(
                r.Address.ToString(CultureInfo.InvariantCulture),
                r.RegisterNumber.ToString(CultureInfo.InvariantCulture),
                Convert.ToString(r.Value, CultureInfo.InvariantCulture)!,
                r.Hex);
        }

        AnsiConsole.Write(table);
        Console.WriteLine($"Address = 0-based PDU address; Register no. = 1-based ({(input ? "input" : "holding")} registers, unit {connection.Endpoint.UnitOf(parse)}).");
    }

    private sealed record RegisterJson(ushort Address, int RegisterNumber, object Value, ushort Unsigned, string Hex);

    private sealed record ReadJson(string Host, int Port, byte Unit, string Table, int FunctionCode, string Format, IReadOnlyList<RegisterJson> Registers);
}
