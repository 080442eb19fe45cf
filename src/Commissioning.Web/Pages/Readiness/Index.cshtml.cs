using Commissioning.Application.Readiness;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Readiness;

/// <summary>
/// A provider's readiness checks: its organisation's saved self-assessments, newest first, and the
/// way to start one. Anyone signed in reaches it; only accounts of a provider organisation have
/// checks, and see only their own organisation's.
/// </summary>
[Authorize]
public sealed class IndexModel(FindUser users, ReadinessChecks checks) : PageModel
{
    /// <summary>Whether the account belongs to a provider organisation.</summary>
    public bool IsProvider { get; private set; }

    /// <summary>The organisation's checks.</summary>
    public IReadOnlyList<ReadinessCheckSummary> Checks { get; private set; } = [];

    /// <summary>A confirmation after a change.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Lists the checks.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (await users.UserAsync(User, cancel) is not { } me)
        {
            return Challenge();
        }

        IsProvider = me.IsProvider;
        Checks = await checks.ListAsync(me, cancel);
        return Page();
    }
}
