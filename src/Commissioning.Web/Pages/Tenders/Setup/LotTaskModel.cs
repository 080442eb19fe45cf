using Commissioning.Application.Tenders;
using Commissioning.Core.Tenders;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>A set-up task done one lot at a time: the lot is named in the address (<c>?lot=</c>), the first lot when none is.</summary>
public abstract class LotTaskModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator)
    : SetupPageModel(pages, read, change, completeValidator)
{
    /// <summary>The lot named in the address.</summary>
    [FromQuery(Name = "lot")]
    public string? LotId { get; set; }

    /// <summary>The lot shown.</summary>
    public Lot? Lot { get; protected set; }

    /// <summary>Finds the lot named (or the first); false when a named lot does not exist.</summary>
    protected bool FindLot(string? lotId)
    {
        Lot = lotId is null ? (Definition.Lots.Count > 0 ? Definition.Lots[0] : null) : Definition.FindLot(lotId);
        return Lot is not null || lotId is null;
    }
}
