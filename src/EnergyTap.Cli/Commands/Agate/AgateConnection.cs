using System.CommandLine;
using System.Globalization;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.FranklinWH.Agate.Revert;

namespace EnergyTap.Cli.Commands.Agate;

/// <summary>The options every agate command shares, and the connect (which also releases expired commands).</summary>
internal sealed class AgateConnection
{
    private readonly ModbusEndpoint endpoint = new(
        "aGate address (IP or name), e.g. 172.27.153.1. Required unless the command goes through --server, or (status, health) --config lists the aGate.",
        hostRequired: false,
        device: "aGate");
    private readonly Option<string?> stateFile = new("--state-file")
    {
        Description = "File remembering active commands and their revert deadlines. Default: $ENERGYTAP_STATE_DIR/agate-commands.json, "
            + "else $XDG_STATE_HOME/energytap/agate-commands.json (~/.local/state/energytap/ on Linux).",
    };
    private readonly Option<double> reserve = new("--reserve") { Description = "Refuse to discharge at or below this state of charge, %.", DefaultValueFactory = _ => 20 };
    private readonly Option<double> fallbackRating = new("--fallback-rating")
    {
        Description = "Watts that 100 % WSetPct means when the aGate reports no WChaRteMaxRtg/WDisChaRteMaxRtg (0xFFFF).",
        DefaultValueFactory = _ => 5000,
    };
    private readonly Option<bool> dcwPositiveCharging = new("--dcw-positive-charging")
    {
        Description = "Treat a positive 714 DCW as charging (sources disagree; default: negative DCW = charging).",
    };
    private readonly Option<string?> modeNumbering = new("--mode-numbering")
    {
        Description = "OnGridMode numbering used to name 15507: seed001 (0 Backup, 1 TOU, 2 Self-Consumption, 3 Manual) or alternate "
            + "(1 Backup, 2 Self-Consumption, 3 TOU, 4 Manual). The raw number is always shown.",
    };

    public void AddTo(Command command)
    {
        endpoint.AddTo(command);
        foreach (var option in new Option[] { stateFile, reserve, fallbackRating, dcwPositiveCharging, modeNumbering })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The aGate address and port as given, to find it in the configuration.</summary>
    public (string? Host, int Port) Endpoint(ParseResult parse) => (parse.GetValue(endpoint.Host), parse.GetValue(endpoint.Port));

    /// <summary>Connects (releasing an expired command on the way, and saying so), runs the action, disconnects.</summary>
    public async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken, Func<AgateController, Task<int>> action, SocRamp? ramp = null, LocatedAgate? located = null)
    {
        var options = Options(parse, ramp, located);
        await using var controller = await AgateController.ConnectAsync(options, cancellationToken);
        if (controller.ReleasedOnConnect is { } released)
        {
            Console.Error.WriteLine($"energytap: released an expired command ({released.Command}, deadline {released.Deadline:u}) held by {released.HeldBy}");
        }

        return await action(controller);
    }

    /// <summary><paramref name="located"/>: the aGate the configuration lists, when --host was not given.</summary>
    private AgateConnectionOptions Options(ParseResult parse, SocRamp? ramp, LocatedAgate? located)
    {
        var modbus = endpoint.ClientOptions(parse, located?.Host, located?.Port);
        var unitId = located?.Unit is { } configured ? OptionRanges.Unit(configured) : endpoint.UnitOf(parse);

        var reservePercent = parse.GetValue(reserve);
        if (reservePercent is < 0 or > 100)
        {
            throw new UsageException("--reserve must be between 0 and 100 %");
        }

        var rating = parse.GetValue(fallbackRating);
        if (rating is <= 0 or > 60_000)
        {
            throw new UsageException("--fallback-rating must be between 1 and 60000 W");
        }

        var numbering = parse.GetValue(modeNumbering);
        if (numbering is not null && !FranklinWH.Agate.Reading.OnGridModeNames.Builtin.NumberingIds.Contains(numbering))
        {
            throw new UsageException($"--mode-numbering must be one of {string.Join(", ", FranklinWH.Agate.Reading.OnGridModeNames.Builtin.NumberingIds)}");
        }

        return new AgateConnectionOptions
        {
            Host = modbus.Host,
            Port = modbus.Port,
            UnitId = unitId,
            RequestTimeout = modbus.RequestTimeout,
            ConnectTimeout = modbus.ConnectTimeout,
            Store = new RevertStore(StatePath(parse)),
            Control = new AgateControlOptions
            {
                ReserveSocPercent = reservePercent,
                FallbackRatingWatts = rating,
                DcwPositiveIsCharging = parse.GetValue(dcwPositiveCharging),
                ModeNumbering = numbering,
                SocRamp = ramp,
            },
        };
    }

    /// <summary>Where the 15507 numbers confirmed on each aGate are kept: beside the command state file.</summary>
    public string ConfirmedModesPath(ParseResult parse) => Path.Combine(Path.GetDirectoryName(StatePath(parse))!, "agate-modes.json");

    private string StatePath(ParseResult parse) => StateDirectory.AgateCommands(parse.GetValue(stateFile));

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";
}
