using Commissioning.Core.Profiles;
using Commissioning.Core.Tenders.Validation;
using FluentValidation;

namespace Commissioning.Web.Infrastructure;

/// <summary>
/// Registers the validators the container can build on its own. Core's validators for a bid, a
/// score, a moderated score, a gate decision or a set of declarations need run-time context (the
/// tender, the pack, whose declarations they are), so they are not registered: their parent
/// validator (<see cref="TenderPackValidator"/>) creates them with that context, and code that
/// needs one on its own constructs it with the context in hand.
/// </summary>
public static class ValidatorRegistration
{
    /// <summary>Adds the site's own validators and the context-free validators of Core.</summary>
    public static IServiceCollection AddCommissioningValidators(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        services.AddSingleton<IValidator<OrganisationProfile>, OrganisationProfileValidator>();
        services.AddSingleton<IValidator<Commissioning.Core.Tenders.TenderPack>>(
            provider => new TenderPackValidator(provider.GetRequiredService<Commissioning.Core.Standards.StandardsCatalogue>()));
        return services;
    }
}
