using Commissioning.Application;
using Commissioning.Application.Tenders;

namespace Commissioning.Web.Infrastructure;

/// <summary>The site's storage: the database, the tender store and the clock they use.</summary>
public static class Storage
{
    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> and <c>ConnectionStrings:Commissioning</c>
    /// (SQLite at <c>App_Data/commissioning.db</c> under the site's folder when neither is set), the
    /// system clock, and the tender store.
    /// </summary>
    public static IServiceCollection AddCommissioningStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddCommissioningDatabase(configuration, environment.ContentRootPath);
        services.AddSingleton(TimeProvider.System);
        services.AddTenderHandlers();
        services.AddSingleton<TenderPageServices>();
        return services;
    }

    /// <summary>Creates the database if it is not there and applies every migration not yet applied.</summary>
    public static void MigrateCommissioningStorage(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.MigrateCommissioningDatabase();
    }
}
