using Commissioning.Core.Lifecycle;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders;

/// <summary>A tender's people and their roles: seen by its owner and observers, changed by its owner.</summary>
[Authorize]
public sealed class PeopleModel(TenderPageServices pages, ListPeople people, AddPerson addPerson, RemovePerson removePerson, IValidator<PersonInput> personValidator, IValidator<RemoveInput> removeValidator)
    : TenderPageModel(pages)
{
    /// <summary>The people.</summary>
    public IReadOnlyList<PersonOnTender> People { get; private set; } = [];

    /// <summary>The add form.</summary>
    [BindProperty]
    public PersonInput Person { get; set; } = new();

    /// <summary>The remove form.</summary>
    [BindProperty]
    public RemoveInput Remove { get; set; } = new();

    /// <summary>A confirmation after a change.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Shows the people.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ViewPeople, cancel))
        {
            return NotFound();
        }

        People = (await people.HandleAsync(Me, TenderId, cancel)).Value;
        return Page();
    }

    /// <summary>Gives someone a role (owner only).</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ManagePeople, cancel))
        {
            return NotFound();
        }

        if (await TryChangeAsync(Person, personValidator, nameof(Person), () => addPerson.HandleAsync(Me, TenderId, Person.Email!, Person.ChosenRole(), Person.EvaluatorId, Person.ChosenScope(), Person.Reason, cancel), cancel))
        {
            Done = $"{Person.Email} is now {Article(Person.ChosenRole())} on this tender.";
            return RedirectToPage(new { id = TenderId });
        }

        return await RedisplayAsync(cancel);
    }

    /// <summary>Takes a role away (owner only).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ManagePeople, cancel))
        {
            return NotFound();
        }

        if (await TryChangeAsync(Remove, removeValidator, nameof(Remove), () => removePerson.HandleAsync(Me, TenderId, Remove.MembershipId, Remove.Version, Remove.Reason, cancel), cancel))
        {
            Done = "The role was taken away.";
            return RedirectToPage(new { id = TenderId });
        }

        // Each row has its own reason box: every problem with this removal shows beside the row's.
        var rowField = $"{nameof(Remove)}.{Remove.ReasonField}";
        foreach (var key in ModelState.Keys.Where(k => k == nameof(Remove) || k.StartsWith(nameof(Remove) + ".", StringComparison.Ordinal)).ToList())
        {
            var messages = ModelState[key]!.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove(key);
            foreach (var message in messages)
            {
                ModelState.AddModelError(rowField, message);
            }
        }

        return await RedisplayAsync(cancel);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancel)
    {
        People = (await people.HandleAsync(Me, TenderId, cancel)).Value;
        return Page();
    }

    private static string Article(TenderRole role) => role switch
    {
        TenderRole.Owner => "an owner",
        TenderRole.Evaluator => "an evaluator",
        TenderRole.Moderator => "a moderator",
        _ => "an observer",
    };
}
