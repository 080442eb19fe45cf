using Commissioning.Application.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages;

/// <summary>The start page: names the three journeys, and on first run links to the setup page. Public.</summary>
[AllowAnonymous]
public sealed class IndexModel(AccountService accounts) : PageModel
{
    /// <summary>True while no account exists: the page links to the setup page.</summary>
    public bool NeedsSetup { get; private set; }

    /// <summary>Shows the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NeedsSetup = !await accounts.AnyAccountAsync(cancellationToken);
    }
}
