using System.CommandLine;
using System.Globalization;
using EnergyTap.Cli.Infrastructure;
using Spectre.Console;

namespace EnergyTap.Cli.Commands.Modbus;

/// <summary>
/// `energytap modbus write`: FC 6 for one value, FC 16 for several, then reads the registers back,
/// because some devices acknowledge writes they silently discard.
/// </summary>
internal static class ModbusWriteCommand
{
    public static Command Create()
    {
        var connection = new ModbusConnectionOptions();
        var address = new Argument<string>("ADDRESS") { Description = "First register to write. " + ModbusConnectionOptions.AddressHelp };
        var values = new Argument<string[]>("VALUE") { Description = "Values, 1..123: 0..65535, -32768..-1 (two's complement) or 0x0000..0xFFFF. Put -- before negative values.", Arity = ArgumentArity.OneOrMore };
        var noVerify = new Option<bool>("--no-verify") { Description = "Do not read the registers back after writing (for write-only registers)." };
        var json = CommonOptions.Json();

        var command = new Command("write", "Write holding registers (FC 6 for one value, FC 16 for several), then read them back and report any that differ.") { address, values };
        connection.AddTo(command);
        command.Options.Add(noVerify);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var written = parse.GetValue(values)!.Select(RegisterValues.ParseRegister).ToArray();
            if (written.Length > 123)
            {
                throw new UsageException($"at most 123 values fit one write request, not {written.Length}");
            }

            var start = connection.PduAddress(parse, parse.GetValue(address)!, written.Length);
            var unit = connection.Endpoint.UnitOf(parse);
            await using var client = connection.CreateClient(parse);
            if (written.Length == 1)
            {
                await client.WriteSingleRegisterAsync(unit, start, written[0], ct);
            }
            else
            {
                await client.WriteMultipleRegistersAsync(unit, start, written, ct);
            }

            var readBack = parse.GetValue(noVerify) ? null : await client.ReadHoldingRegistersAsync(unit, start, (ushort)written.Length, ct);
            return Report(start, written, readBack, parse.GetValue(json));
        });
        return command;
    }

    private static int Report(ushort start, ushort[] written, ushort[]? readBack, bool json)
    {
        var rows = written.Select((v, i) => new WrittenJson((ushort)(start + i), v, RegisterValues.Hex(v), readBack?[i], readBack is null || readBack[i] == v)).ToList();
        var mismatches = rows.Count(r => !r.Confirmed);
        if (json)
        {
            Output.WriteJson(new WriteJson(written.Length == 1 ? 6 : 16, readBack is not null, mismatches, rows));
        }
        else
        {
            var table = new Table().AddColumns("Address", "Written", "Hex", "Read back");
            foreach (var r in rows)
            {
                var back = r.ReadBack is { } b ? $"{b} ({RegisterValues.Hex(b)})" : "not read";
                table.AddRow(r.Address.ToString(CultureInfo.InvariantCulture), r.Written.ToString(CultureInfo.InvariantCulture), r.Hex, r.Confirmed ? back : $"{back} MISMATCH");
            }

            AnsiConsole.Write(table);
        }

        if (mismatches > 0)
        {
            Console.Error.WriteLine($"energytap: error: {mismatches} of {rows.Count} register(s) read back differently; the device acknowledged the write but did not keep it");
            return CliRunner.Failure;
        }

        return 0;
    }

    private sealed record WrittenJson(ushort Address, ushort Written, string Hex, ushort? ReadBack, bool Confirmed);

    private sealed record WriteJson(int FunctionCode, bool Verified, int Mismatches, IReadOnlyList<WrittenJson> Registers);
}
