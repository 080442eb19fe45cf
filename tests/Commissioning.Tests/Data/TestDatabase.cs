using Commissioning.Data;
using Npgsql;

namespace Commissioning.Tests.Data;

/// <summary>
/// A fresh, migrated database for one test: an SQLite file in a temp folder, or a new database on
/// the throwaway PostgreSQL server that <c>scripts/test</c> starts and names in
/// <c>COMMISSIONING_TEST_POSTGRES</c>. Without that variable the PostgreSQL tests fail, saying how
/// to run them: CI must prove both providers, so they never skip.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "COMMISSIONING_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseSettings settings, string? folder, string? adminConnection, string? databaseName)
    {
        Settings = settings;
        _folder = folder;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public DatabaseSettings Settings { get; }

    /// <summary>The SQLite file, for SQLite.</summary>
    public string? SqliteFile => _folder is null ? null : Path.Combine(_folder, "commissioning.db");

    /// <summary>Both providers, for <c>[TestFixtureSource]</c>.</summary>
    public static IEnumerable<TestFixtureData> Providers { get; } =
    [
        new TestFixtureData(DatabaseProvider.Sqlite).SetArgDisplayNames("Sqlite"),
        new TestFixtureData(DatabaseProvider.PostgreSql).SetArgDisplayNames("PostgreSql"),
    ];

    public static TestDatabase Create(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("commissioning-data-").FullName;
            database = new TestDatabase(new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "commissioning.db")}"), folder, null, null);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(admin))
            {
                Assert.Fail($"The PostgreSQL tests need a server: {PostgresVariable} is not set. Run them with scripts/test, which starts a throwaway PostgreSQL and sets it, or set it to a connection string for a server where this user may create databases.");
            }

            var name = "test_" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(admin))
            {
                connection.Open();
                using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                command.ExecuteNonQuery();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            database = new TestDatabase(new(DatabaseProvider.PostgreSql, builder.ConnectionString), null, admin, name);
        }

        if (migrate)
        {
            CommissioningDatabase.Migrate(database.Settings);
        }

        return database;
    }

    public CommissioningDbContext Context() => CommissioningDatabase.CreateContext(Settings);

    public void Dispose()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_adminConnection);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }
}

/// <summary>A fixed clock that tests move forward.</summary>
internal sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
