using EnergyTap.Server.Storage;
using EnergyTap.Server.Storage.Postgres;
using EnergyTap.Server.Storage.Sql;
using Npgsql;

namespace EnergyTap.Server.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReadingStoreTests(PostgresServer server) : ReadingStoreContract
{
    private string _connectionString = "";

    public override async Task InitializeAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    protected override async Task<SqlReadingStore> OpenAsync() => await PostgresReadingStore.OpenAsync(_connectionString, Options);

    protected override async Task<SqlReadingStore> OpenReadOnlyAsync() => await PostgresReadingStore.OpenReadOnlyAsync(_connectionString, Options);

    protected override async Task<object?> ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Times_are_stored_as_timestamptz_and_values_as_double_precision()
    {
        var types = await ExecuteSqlAsync(
            "SELECT string_agg(data_type, ',' ORDER BY column_name) FROM information_schema.columns " +
            "WHERE table_name = 'readings' AND column_name IN ('time', 'value')");

        Assert.Equal("timestamp with time zone,double precision", types);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_one_clear_line()
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => PostgresReadingStore.OpenReadOnlyAsync("Host=127.0.0.1;Port=notaport"));

        Assert.StartsWith("invalid PostgreSQL connection string", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_one_clear_line_without_the_password()
    {
        var nobody = new NpgsqlConnectionStringBuilder(_connectionString) { Port = 1, Password = "s3cret-pw", Timeout = 3 };

        var error = await Assert.ThrowsAsync<StorageException>(() => PostgresReadingStore.OpenReadOnlyAsync(nobody.ConnectionString));

        Assert.Contains("127.0.0.1:1", error.Message);
        Assert.DoesNotContain("s3cret-pw", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_database_without_the_schema_is_refused_by_a_read_only_open()
    {
        var empty = await server.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<StorageException>(() => PostgresReadingStore.OpenReadOnlyAsync(empty));

        Assert.Contains("not an EnergyTap history database", error.Message);
    }
}
