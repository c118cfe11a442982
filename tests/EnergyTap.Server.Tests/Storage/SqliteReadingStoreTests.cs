using EnergyTap.Server.Storage;
using EnergyTap.Server.Storage.Sql;
using EnergyTap.Server.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EnergyTap.Server.Tests.Storage;

public sealed class SqliteReadingStoreTests : ReadingStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new();

    private string DatabasePath => _folder.File("history.db");

    protected override async Task<SqlReadingStore> OpenAsync() => await SqliteReadingStore.OpenAsync(DatabasePath, Options);

    protected override async Task<SqlReadingStore> OpenReadOnlyAsync() => await SqliteReadingStore.OpenReadOnlyAsync(DatabasePath, Options);

    protected override async Task<object?> ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_database_is_in_wal_mode()
    {
        Assert.Equal("wal", await ExecuteSqlAsync("PRAGMA journal_mode"));
        Assert.Equal(1L, await ExecuteSqlAsync("SELECT COUNT(*) FROM schema_version WHERE version = 1"));
    }

    [Fact]
    public async Task Opening_a_missing_file_read_only_fails_and_creates_nothing()
    {
        var missing = _folder.File("nothing-here.db");

        var error = await Assert.ThrowsAsync<StoreNotFoundException>(() => SqliteReadingStore.OpenReadOnlyAsync(missing));

        Assert.Equal($"no history database at {missing} (the service creates it)", error.Message);
        Assert.Equal(missing, error.Path);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task A_file_that_is_not_a_history_database_is_a_clear_error()
    {
        var notes = _folder.File("notes.db");
        await File.WriteAllTextAsync(notes, "shopping list: eggs, milk, a bigger battery\n");

        var error = await Assert.ThrowsAsync<StorageException>(() => SqliteReadingStore.OpenReadOnlyAsync(notes));

        Assert.Contains("not an EnergyTap history database", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_read_only_open_of_an_older_schema_says_the_service_upgrades_it()
    {
        await ExecuteSqlAsync("DELETE FROM schema_version");
        await Store.DisposeAsync();

        var error = await Assert.ThrowsAsync<StoreSchemaOutdatedException>(() => SqliteReadingStore.OpenReadOnlyAsync(DatabasePath));

        Assert.Equal((0, Schema.LatestVersion), (error.Version, error.Needed));
        Assert.Equal($"{error.Where} has schema version 0, this EnergyTap needs {Schema.LatestVersion}; the service upgrades it when it next opens the database", error.Message);
        Assert.DoesNotContain("energytap", error.Message.Replace(error.Where, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused()
    {
        await ExecuteSqlAsync("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 'x')");
        await Store.DisposeAsync();

        var error = await Assert.ThrowsAsync<StorageException>(() => SqliteReadingStore.OpenAsync(DatabasePath));

        Assert.Contains("newer", error.Message);
    }
}
