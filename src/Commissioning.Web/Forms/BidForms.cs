using Commissioning.Application.Tenders;
using Commissioning.Core.Text;
using Commissioning.Documents.Excel.Response;
using Commissioning.NhsUk.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;

namespace Commissioning.Web.Forms;

/// <summary>Filled response workbooks to receive as bids.</summary>
public sealed class BidUploadInput
{
    /// <summary>The workbooks.</summary>
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>Why late bids are accepted, once the bid deadline has passed.</summary>
    public string? LateReason { get; set; }
}

/// <summary>Checks the upload before any workbook is read: how many, their names and sizes.</summary>
public sealed class BidUploadInputValidator : AbstractValidator<BidUploadInput>
{
    /// <summary>The rules.</summary>
    public BidUploadInputValidator()
    {
        RuleFor(x => x.Files).NotEmpty().WithMessage("Select one or more filled response workbooks (.xlsx) to upload.")
            .Must(files => files.Count <= BidReceiving.MaxWorkbooksAtOnce).WithMessage(x => $"Select at most {BidReceiving.MaxWorkbooksAtOnce} workbooks at once; {x.Files.Count} were selected.")
            .Must(files => files.All(f => f.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
            .WithMessage(x => $"Every file must be an Excel workbook ending in .xlsx: {Named(x.Files.Where(f => !f.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))} is not.")
            .Must(files => files.All(f => f.Length > 0)).WithMessage(x => $"{Named(x.Files.Where(f => f.Length == 0))} is empty.")
            .Must(files => files.All(f => f.Length <= WorkbookPackage.MaxFileBytes))
            .WithMessage(x => $"{Named(x.Files.Where(f => f.Length > WorkbookPackage.MaxFileBytes))} is larger than {WorkbookPackage.MaxFileBytes / 1024 / 1024} MB; a response workbook is never that large.")
            .Must(files => files.Sum(f => f.Length) <= RequestLimits.MaxUploadBytes)
            .WithMessage($"The workbooks together must be smaller than {RequestLimits.MaxUploadBytes / 1024 / 1024} MB. Upload them in smaller groups.");
        RuleFor(x => x.LateReason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }

    private static string Named(IEnumerable<IFormFile> files)
    {
        var names = files.Select(f => BidReceiving.Shown(f.FileName)).ToList();
        return names.Count == 1 ? $"The file {names[0]}" : $"{names.Count} files ({string.Join(", ", names.Take(3))}{(names.Count > 3 ? ", …" : "")})";
    }
}

/// <summary>Which provider organisation submitted one bid.</summary>
public sealed class BidLinkInput
{
    /// <summary>The provider organisation's id, or empty to clear the link.</summary>
    public string? OrganisationId { get; set; }

    /// <summary>The bid's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>Why, where a reason is required.</summary>
    public string? Reason { get; set; }
}

/// <summary>Checks the bid link form.</summary>
public sealed class BidLinkInputValidator : AbstractValidator<BidLinkInput>
{
    /// <summary>The rules.</summary>
    public BidLinkInputValidator()
    {
        RuleFor(x => x.OrganisationId).Must(o => string.IsNullOrEmpty(o) || Guid.TryParse(o, out _)).WithMessage("Select a provider organisation, or none.");
        RuleFor(x => x.Reason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }
}

/// <summary>A provider organisation to invite to bid, or whose invitation to withdraw.</summary>
public sealed class InviteInput
{
    /// <summary>The organisation's id.</summary>
    public string? OrganisationId { get; set; }
}

/// <summary>Checks the invitation form.</summary>
public sealed class InviteInputValidator : AbstractValidator<InviteInput>
{
    /// <summary>The rules.</summary>
    public InviteInputValidator()
    {
        RuleFor(x => x.OrganisationId).Must(o => Guid.TryParse(o, out _)).WithMessage("Choose a provider organisation to invite.");
    }
}
