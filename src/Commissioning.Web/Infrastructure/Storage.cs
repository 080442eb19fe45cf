using Commissioning.Application.Readiness;
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
        services.AddSingleton(ResponseWorkbookSigningFrom(configuration));
        services.AddTenderHandlers();
        services.AddSingleton<TenderPageServices>();
        services.AddSingleton<ReadinessChecks>();
        return services;
    }

    /// <summary>
    /// The key response workbooks are signed with: from <c>ResponseWorkbooks:Secret</c> (base64, at
    /// least 32 bytes) when it is set, so that only this site's workbooks import; otherwise the key
    /// derived from each tender, as the command line uses (docs/response-workbook.md).
    /// </summary>
    private static ResponseWorkbookSigning ResponseWorkbookSigningFrom(IConfiguration configuration)
    {
        var secret = configuration["ResponseWorkbooks:Secret"];
        if (string.IsNullOrWhiteSpace(secret))
        {
            return ResponseWorkbookSigning.Derived;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(secret);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("ResponseWorkbooks:Secret is set but is not base64. Set it to at least 32 random bytes written in base64, or remove it.");
        }

        if (bytes.Length < 32)
        {
            throw new InvalidOperationException($"ResponseWorkbooks:Secret holds {bytes.Length} bytes; it needs at least 32.");
        }

        return ResponseWorkbookSigning.FromSecret(bytes);
    }

    /// <summary>Creates the database if it is not there and applies every migration not yet applied.</summary>
    public static void MigrateCommissioningStorage(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.MigrateCommissioningDatabase();
    }
}
