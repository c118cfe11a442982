using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster for the fleet on PostgreSQL: initdb in a temporary folder, listening on
/// 127.0.0.1 only, trust authentication, deleted afterwards. PostgreSQL refuses to run as root, so as root
/// it runs as the unprivileged postgres user (runuser).
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static readonly bool AsRoot = Environment.UserName == "root";
    private readonly string _root;
    private readonly int _port;

    private PostgresCluster(string root, int port)
    {
        _root = root;
        _port = port;
    }

    /// <summary>Null (with the reason) when PostgreSQL is not installed here.</summary>
    public static string? Unavailable => File.Exists(Path.Combine(BinDirectory, "postgres")) ? null : $"{BinDirectory}/postgres is not installed";

    public static async Task<PostgresCluster> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("energytap-bench-pg-").FullName;
        if (AsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", root], asPostgres: false);
        }

        var data = Path.Combine(root, "data");
        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"], asPostgres: true);
        var port = FreePort.Next();
        // Default durability (fsync on): the service's write path is what is being measured.
        var options = $"-p {port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -k {root}";
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", options, "start"], asPostgres: true);
        var cluster = new PostgresCluster(root, port);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE energytap_bench", connection);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    public string ConnectionString(string database = "energytap_bench") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = database,
        Pooling = false,
    }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "stop"], asPostgres: true);
        Directory.Delete(_root, recursive: true);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres && AsRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        var all = asPostgres && AsRoot ? ["-u", "postgres", "--", program, .. arguments] : arguments;
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {(await stderr).Trim()}");
        }
    }
}
