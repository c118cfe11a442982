using System.Net.Sockets;
using EnergyTap.Server.Mqtt;

namespace EnergyTap.Server.Tests.Infrastructure;

/// <summary>
/// A real mosquitto broker (Debian package 'mosquitto') on a free loopback port with a temporary config:
/// persistence off, anonymous access unless users are given (then a mosquitto_passwd password file).
/// It can be killed and started again on the same port to simulate a broker crash.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly string _config;
    private PeerProcess? _process;

    private MosquittoBroker(TempDirectory directory, string config, int port)
    {
        _directory = directory;
        _config = config;
        Port = port;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Broker log lines (useful in failure messages).</summary>
    public IReadOnlyList<string> Log => _process?.Lines ?? [];

    /// <summary>Starts a broker; with <paramref name="users"/> anonymous clients are refused.</summary>
    public static async Task<MosquittoBroker> StartAsync(IReadOnlyDictionary<string, string>? users = null)
    {
        var directory = new TempDirectory();
        var port = FreePort.Next();
        var lines = new List<string>
        {
            $"listener {port} 127.0.0.1",
            "persistence false",
            "log_dest stderr", // unbuffered, so its lines reach us as they are written
            "log_type error",
            "log_type warning",
            "log_type notice",
            "log_type information", // "Opening ipv4 listen socket on port N": proof the port is ours
        };
        if (users is { Count: > 0 })
        {
            var passwordFile = directory.File("passwords");
            var create = true;
            foreach (var (user, password) in users)
            {
                var (exitCode, output) = await PeerProcess.RunAsync("mosquitto_passwd", "mosquitto",
                    create ? ["-b", "-c", passwordFile, user, password] : ["-b", passwordFile, user, password]);
                Assert.True(exitCode == 0, $"mosquitto_passwd failed: {output}");
                create = false;
            }

            lines.Add("allow_anonymous false");
            lines.Add($"password_file {passwordFile}");
        }
        else
        {
            lines.Add("allow_anonymous true");
        }

        var config = directory.File("mosquitto.conf");
        await File.WriteAllLinesAsync(config, lines);
        var broker = new MosquittoBroker(directory, config, port);
        await broker.StartAgainAsync();
        return broker;
    }

    /// <summary>Client options pointing at this broker.</summary>
    public MqttClientOptions ClientOptions(string clientId) => new()
    {
        Host = Host,
        Port = Port,
        ClientId = clientId,
        ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
        ReconnectDelayMax = TimeSpan.FromSeconds(1),
    };

    /// <summary>(Re)starts mosquitto on the same port and waits until it accepts TCP connections.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = PeerProcess.Start("mosquitto", "mosquitto", ["-c", _config]);
        await Eventually.UntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                Assert.Fail("mosquitto exited at start:\n" + string.Join('\n', _process.Lines));
            }

            // The port answering is not enough: a free port handed out by FreePort can be taken by another
            // test's listener in between, and then a probe would connect to that instead. Mosquitto's own
            // log line proves the port is its.
            if (!_process.Lines.Any(l => l.Contains($"listen socket on port {Port}", StringComparison.Ordinal)))
            {
                return false;
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(Host, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, $"mosquitto to listen on {Host}:{Port}");
    }

    /// <summary>Kills the broker (SIGKILL, like a crash): clients see their connections drop.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
        }
    }

    /// <summary>Starts a mosquitto_sub on <paramref name="topics"/> and waits until its subscription is acknowledged.</summary>
    public async Task<MosquittoSubscriber> SubscribeAsync(params string[] topics) =>
        await MosquittoSubscriber.StartAsync(Host, Port, topics);

    /// <summary>Publishes with mosquitto_pub.</summary>
    public async Task PublishAsync(string topic, string payload, bool retain = false)
    {
        List<string> arguments = ["-h", Host, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", topic, "-m", payload, "-q", "1"];
        if (retain)
        {
            arguments.Add("-r");
        }

        var (exitCode, output) = await PeerProcess.RunAsync("mosquitto_pub", "mosquitto-clients", arguments);
        Assert.True(exitCode == 0, $"mosquitto_pub failed: {output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _directory.Dispose();
    }
}
