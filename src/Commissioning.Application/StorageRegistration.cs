using Commissioning.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Application;

/// <summary>Registers and migrates the toolkit's database for a host (the site), so that it need not know the storage layer.</summary>
public static class StorageRegistration
{
    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> and <c>ConnectionStrings:Commissioning</c>
    /// (SQLite at <c>App_Data/commissioning.db</c> under <paramref name="contentRoot"/> when neither
    /// is set, or at <c>Database:SqliteFile</c>): the request-scoped context that Identity and the
    /// keys use, and the factory of contexts on their own connection.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="contentRoot">The folder a relative SQLite file is under.</param>
    public static IServiceCollection AddCommissioningDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(contentRoot);
        return services.AddCommissioningData(DatabaseSettings.From(configuration, contentRoot));
    }

    /// <summary>
    /// Creates the registered database if it is not there and applies every migration not yet
    /// applied. Call once the services are built, before the host starts.
    /// </summary>
    /// <param name="services">The built services, with <see cref="AddCommissioningDatabase"/> registered.</param>
    public static void MigrateCommissioningDatabase(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        CommissioningDatabase.Migrate(services.GetRequiredService<DatabaseSettings>());
    }
}
