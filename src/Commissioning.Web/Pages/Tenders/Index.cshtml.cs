using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Tenders;

/// <summary>The tenders the signed-in person has a role on, or that their provider organisation bid for.</summary>
[Authorize]
public sealed class IndexModel(FindUser users, ListTenders tenders) : PageModel
{
    /// <summary>The signed-in person.</summary>
    public SiteUser Me { get; private set; } = null!;

    /// <summary>Their tenders, newest first.</summary>
    public IReadOnlyList<TenderListItem> Tenders { get; private set; } = [];

    /// <summary>Lists them.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (await users.UserAsync(User, cancel) is not { } me)
        {
            return Challenge();
        }

        Me = me;
        Tenders = await tenders.HandleAsync(me, cancel);
        return Page();
    }
}
