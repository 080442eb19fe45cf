using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Data;

/// <summary>Which database the toolkit keeps its data in.</summary>
public enum DatabaseProvider
{
    /// <summary>An SQLite file: the default, nothing to install.</summary>
    Sqlite,
    /// <summary>PostgreSQL: for deployments with several web instances.</summary>
    PostgreSql,
}

/// <summary>
/// Where the data lives: <c>Database:Provider</c> (<c>Sqlite</c> or <c>PostgreSql</c>) and
/// <c>ConnectionStrings:Commissioning</c>. For SQLite with no connection string, the file is
/// <c>Database:SqliteFile</c>, by default <c>App_Data/commissioning.db</c> under the site's folder.
/// </summary>
/// <param name="Provider">The provider.</param>
/// <param name="ConnectionString">The connection string.</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The configuration key for the provider.</summary>
    public const string ProviderSetting = "Database:Provider";

    /// <summary>The configuration key for the SQLite file, used when there is no connection string.</summary>
    public const string SqliteFileSetting = "Database:SqliteFile";

    /// <summary>The name of the connection string.</summary>
    public const string ConnectionStringName = "Commissioning";

    /// <summary>The SQLite file used when nothing is configured, relative to the site's folder.</summary>
    public const string DefaultSqliteFile = "App_Data/commissioning.db";

    /// <summary>Reads the settings; relative SQLite paths are relative to <paramref name="contentRoot"/>.</summary>
    /// <exception cref="InvalidOperationException">The provider is not one the toolkit knows, or PostgreSQL has no connection string.</exception>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration[ProviderSetting];
        var provider = string.IsNullOrWhiteSpace(providerText) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new InvalidOperationException($"{ProviderSetting} is '{providerText}'. Set it to Sqlite or PostgreSql.");
        var connection = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return new(provider, connection);
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException($"{ProviderSetting} is PostgreSql but ConnectionStrings:{ConnectionStringName} is empty. Set it to the database's connection string.");
        }

        var file = configuration[SqliteFileSetting];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(file) ? DefaultSqliteFile : file, contentRoot);
        return new(provider, $"Data Source={path}");
    }
}

/// <summary>Registers, creates and migrates the database.</summary>
public static class CommissioningDatabase
{
    /// <summary>
    /// Registers the provider's context, and <see cref="CommissioningDbContext"/> as the same
    /// instance, so Identity stores and data-protection keys can use it.
    /// </summary>
    public static IServiceCollection AddCommissioningData(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SqliteCommissioningDbContext>(o => Configure(o, settings));
                services.AddScoped<CommissioningDbContext>(sp => sp.GetRequiredService<SqliteCommissioningDbContext>());
                break;
            default:
                services.AddDbContext<PostgreSqlCommissioningDbContext>(o => Configure(o, settings));
                services.AddScoped<CommissioningDbContext>(sp => sp.GetRequiredService<PostgreSqlCommissioningDbContext>());
                break;
        }

        services.AddSingleton<ICommissioningContextFactory>(new CommissioningContextFactory(settings));
        return services;
    }

    /// <summary>Sets the provider and connection on a context's options.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        _ = settings.Provider == DatabaseProvider.Sqlite
            ? options.UseSqlite(settings.ConnectionString)
            : options.UseNpgsql(settings.ConnectionString);
    }

    /// <summary>A new context on its own connection, for the provider in the settings.</summary>
    public static CommissioningDbContext CreateContext(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new DbContextOptionsBuilder<SqliteCommissioningDbContext>();
            Configure(builder, settings);
            return new SqliteCommissioningDbContext(builder.Options);
        }

        var postgres = new DbContextOptionsBuilder<PostgreSqlCommissioningDbContext>();
        Configure(postgres, settings);
        return new PostgreSqlCommissioningDbContext(postgres.Options);
    }

    /// <summary>
    /// Creates the database if it does not exist (for SQLite, its folder too, readable only by the
    /// site on Unix) and applies every migration not yet applied.
    /// </summary>
    public static void Migrate(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
            {
                _ = OperatingSystem.IsWindows()
                    ? Directory.CreateDirectory(folder)
                    : Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        using var context = CreateContext(settings);
        context.Database.Migrate();
    }
}

/// <summary>Makes a new context on its own connection: for work that must not share a request's context.</summary>
public interface ICommissioningContextFactory
{
    /// <summary>A new context; the caller disposes it.</summary>
    CommissioningDbContext Create();
}

/// <summary>Makes contexts for the configured database.</summary>
/// <param name="settings">The database settings.</param>
public sealed class CommissioningContextFactory(DatabaseSettings settings) : ICommissioningContextFactory
{
    /// <inheritdoc />
    public CommissioningDbContext Create() => CommissioningDatabase.CreateContext(settings);
}

/// <summary>For <c>dotnet ef migrations add … --context SqliteCommissioningDbContext</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCommissioningDbContext>
{
    /// <inheritdoc />
    public SqliteCommissioningDbContext CreateDbContext(string[] args) =>
        (SqliteCommissioningDbContext)CommissioningDatabase.CreateContext(new(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

/// <summary>For <c>dotnet ef migrations add … --context PostgreSqlCommissioningDbContext</c>; no server is contacted.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCommissioningDbContext>
{
    /// <inheritdoc />
    public PostgreSqlCommissioningDbContext CreateDbContext(string[] args) =>
        (PostgreSqlCommissioningDbContext)CommissioningDatabase.CreateContext(new(DatabaseProvider.PostgreSql, "Host=localhost;Database=commissioning"));
}
