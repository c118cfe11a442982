using System.CommandLine;
using System.Net;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Cli.Commands;

internal static class SimulatePvsCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "HTTP (or HTTPS with --tls) port; 0 picks a free one.", DefaultValueFactory = _ => 8081 };
        var listen = new Option<string>("--listen") { Description = "Address to listen on. Keep it on loopback unless you mean to share the simulator.", DefaultValueFactory = _ => "127.0.0.1" };
        var firmware = new Option<PvsFirmware>("--firmware")
        {
            Description = "API generation: legacy (unauthenticated dl_cgi, Command=DeviceList) or varserver (2025+ LocalAPI: /auth login, /vars, legacy DeviceList answers 403).",
            Required = true,
        };
        var model = new Option<PvsModel>("--model") { Description = "PVS6 or PVS5 (PVS5 has no telemetry WebSocket and no SunVault).", DefaultValueFactory = _ => PvsModel.PVS6 };
        var inverters = new Option<int>("--inverters") { Description = "Number of microinverters (panels).", DefaultValueFactory = _ => 24 };
        var ess = new Option<bool>("--ess") { Description = "Add a SunVault battery (HUB+, MIO, PV disconnect, gateway, XW Pro, BMS, two batteries). PVS6 only." };
        var delay = new Option<int>("--devicelist-delay-ms") { Description = "How long a DeviceList takes, like a real PVS with 24 panels (6–7 s).", DefaultValueFactory = _ => 7000 };
        var serial = new Option<string?>("--serial") { Description = "Supervisor serial (the LocalAPI password is its last 5 characters). Default: derived from --seed." };
        var seed = new Option<int>("--seed") { Description = "Seed for serial numbers, panel spread and weather: same seed and clock give the same payloads.", DefaultValueFactory = _ => 1 };
        var tls = new Option<bool>("--tls") { Description = "Serve HTTPS with a freshly generated self-signed certificate; its SHA-256 fingerprint is printed for pinning." };
        var telemetryPort = new Option<int>("--telemetry-port") { Description = "PVS6 varserver telemetry WebSocket port (0 picks a free one).", DefaultValueFactory = _ => 9002 };
        var telemetry = new Option<bool>("--telemetry") { Description = "Start with /sys/telemetryws/enable=1 (off by default, like 2025.10 builds)." };
        var build61840 = new Option<bool>("--build-61840") { Description = "Varserver: emulate build 61840, which packed each device into one JSON object (/sys/devices/<n>/meter/data)." };
        var sessionMinutes = new Option<double>("--session-minutes") { Description = "LocalAPI session lifetime in minutes.", DefaultValueFactory = _ => 10 };
        var minInterval = new Option<int>("--min-devicelist-interval-s") { Description = "A DeviceList sooner than this after the previous one crashes the PVS (503 for minutes, then a restart).", DefaultValueFactory = _ => 30 };
        var maxPerMinute = new Option<int>("--max-requests-per-minute") { Description = "More requests than this in one minute crash the PVS.", DefaultValueFactory = _ => 60 };
        var outage = new Option<int>("--outage-s") { Description = "How long the 503 window lasts before the PVS comes back restarted.", DefaultValueFactory = _ => 180 };
        var sturdy = new Option<bool>("--no-crash") { Description = "Never crash from load (explicit reboots aside)." };
        var noSupervisorInfo = new Option<bool>("--no-supervisor-info")
        {
            Description = "dl_cgi/supervisor/info answers 404 (builds without it). On plain http and one port this acts like the haproxy bridge in front of such a PVS.",
        };
        var forbidLocalApi = new Option<bool>("--forbid-localapi") { Description = "Legacy firmware: /vars and /auth answer 403, as some old builds do, while dl_cgi works." };

        var command = new Command("pvs", "Simulate a SunPower PVS5/PVS6 (legacy dl_cgi or varserver LocalAPI) on loopback until Ctrl-C.")
        {
            port, listen, firmware, model, inverters, ess, delay, serial, seed, tls, telemetryPort, telemetry, build61840,
            sessionMinutes, minInterval, maxPerMinute, outage, sturdy, noSupervisorInfo, forbidLocalApi,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(listen), out var address))
            {
                throw new UsageException($"--listen must be an IP address, got '{parse.GetValue(listen)}'");
            }

            var options = new PvsSimulatorOptions
            {
                ListenAddress = address,
                Port = parse.GetValue(port),
                Firmware = parse.GetValue(firmware),
                Model = parse.GetValue(model),
                Inverters = parse.GetValue(inverters),
                Ess = parse.GetValue(ess),
                DeviceListDelay = TimeSpan.FromMilliseconds(parse.GetValue(delay)),
                Serial = parse.GetValue(serial),
                Seed = parse.GetValue(seed),
                Tls = parse.GetValue(tls),
                TelemetryPort = parse.GetValue(telemetryPort),
                TelemetryEnabled = parse.GetValue(telemetry),
                EmulateBuild61840 = parse.GetValue(build61840),
                SessionLifetime = TimeSpan.FromMinutes(parse.GetValue(sessionMinutes)),
                SupervisorInfoMissing = parse.GetValue(noSupervisorInfo),
                LocalApiForbidden = parse.GetValue(forbidLocalApi),
                Politeness = new PvsPolitenessOptions
                {
                    Enabled = !parse.GetValue(sturdy),
                    MinDeviceListInterval = TimeSpan.FromSeconds(parse.GetValue(minInterval)),
                    MaxRequestsPerMinute = parse.GetValue(maxPerMinute),
                    OutageDuration = TimeSpan.FromSeconds(parse.GetValue(outage)),
                },
            };
            Validate(options);

            await using var simulator = new PvsSimulator(options);
            var url = await simulator.StartAsync(ct);
            Console.Out.WriteLine($"PVS simulator ({options.Model}, {options.Firmware} firmware) listening on {url}");
            Console.Out.WriteLine($"serial {simulator.Serial}, {options.Inverters} inverters{(options.Ess ? ", SunVault ESS" : "")}");
            if (options.Firmware == PvsFirmware.Varserver)
            {
                Console.Out.WriteLine($"login: user {PvsSimulator.User}, password {simulator.Password} (last 5 characters of the serial)");
            }

            if (simulator.TelemetryUrl is { } ws)
            {
                Console.Out.WriteLine($"telemetry WebSocket {ws} ({(options.TelemetryEnabled ? "enabled" : "disabled; set /sys/telemetryws/enable=1")})");
            }

            if (simulator.CertificateSha256 is { } fingerprint)
            {
                Console.Out.WriteLine($"certificate SHA-256 {fingerprint}");
            }

            Console.Out.WriteLine("Press Ctrl-C to stop.");
            Console.Out.Flush();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: stop cleanly.
            }

            return 0;
        });
        return command;
    }

    private static void Validate(PvsSimulatorOptions options)
    {
        if (options.Port is < 0 or > 65535 || options.TelemetryPort is < 0 or > 65535)
        {
            throw new UsageException("ports must be between 0 and 65535");
        }

        if (options.Inverters is < 0 or > 200)
        {
            throw new UsageException("--inverters must be between 0 and 200");
        }

        if (options.Ess && options.Model == PvsModel.PVS5)
        {
            throw new UsageException("--ess needs --model PVS6 (SunVault pairs with a PVS6)");
        }

        if (options.DeviceListDelay < TimeSpan.Zero || options.SessionLifetime <= TimeSpan.Zero)
        {
            throw new UsageException("--devicelist-delay-ms must not be negative and --session-minutes must be positive");
        }

        if (options.LocalApiForbidden && options.Firmware != PvsFirmware.Legacy)
        {
            throw new UsageException("--forbid-localapi emulates old firmware; use it with --firmware legacy");
        }

        if (options.Serial is { Length: < 6 })
        {
            throw new UsageException("--serial must have at least 6 characters");
        }
    }
}
