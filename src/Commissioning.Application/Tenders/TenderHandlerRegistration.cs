using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Application.Tenders;

/// <summary>Registers the tender use cases, one handler class each.</summary>
public static class TenderHandlerRegistration
{
    /// <summary>
    /// Every public class in this namespace with a <c>HandleAsync</c> method, as a singleton: the
    /// handlers hold no state of their own (each operation makes its own database context).
    /// </summary>
    public static IReadOnlyList<Type> Handlers { get; } =
    [
        .. typeof(TenderHandlerRegistration).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Namespace == typeof(TenderHandlerRegistration).Namespace && t.GetMethod("HandleAsync") is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ];

    /// <summary>Adds every handler.</summary>
    public static IServiceCollection AddTenderHandlers(this IServiceCollection services)
    {
        foreach (var handler in Handlers)
        {
            services.AddSingleton(handler);
        }

        services.AddSingleton<EvaluationCache>();

        return services;
    }
}
