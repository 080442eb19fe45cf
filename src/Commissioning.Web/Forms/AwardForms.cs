using Commissioning.Core.Text;
using Commissioning.NhsUk.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commissioning.Web.Forms;

/// <summary>The confirmation of one stage move: the reason and the notice date, where the move needs them.</summary>
public sealed class StageMoveInput
{
    /// <summary>Why, where the move needs a reason (going back a stage, cancelling).</summary>
    public string? Reason { get; set; }

    /// <summary>For standstill: the day the notice was published, as typed.</summary>
    public DateInputModel NoticesSentOn { get; set; } = new();

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>Set by the page, never bound: true when the move needs the notice date.</summary>
    [BindNever]
    public bool NeedsDate { get; set; }

    /// <summary>Set by the page, never bound: the notice date in words, as it reads after "Enter" (the regime's notice).</summary>
    [BindNever]
    public string DateName { get; set; } = "the date the notice was published";
}

/// <summary>Checks the confirmation of a stage move.</summary>
public sealed class StageMoveInputValidator : AbstractValidator<StageMoveInput>
{
    /// <summary>The rules.</summary>
    public StageMoveInputValidator()
    {
        RuleFor(x => x.Reason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
        RuleFor(x => x.NoticesSentOn).Custom((date, context) =>
        {
            var input = context.InstanceToValidate;
            if (input.NeedsDate && DateRules.Message(date ?? new DateInputModel(), input.DateName, required: true) is { } message)
            {
                context.AddFailure(message);
            }
        });
    }
}

/// <summary>The award decision for one lot.</summary>
public sealed class AwardInput
{
    /// <summary>The lot.</summary>
    public string? LotId { get; set; }

    /// <summary>Who approved the award: the board, a committee, or the officer with delegated authority.</summary>
    public string? ApprovedBy { get; set; }

    /// <summary>The day it was approved, as typed.</summary>
    public DateInputModel ApprovedOn { get; set; } = new();

    /// <summary>Anything the record should say, such as a minute reference.</summary>
    public string? Note { get; set; }
}

/// <summary>Checks the award decision form.</summary>
public sealed class AwardInputValidator : AbstractValidator<AwardInput>
{
    /// <summary>The rules.</summary>
    public AwardInputValidator()
    {
        RuleFor(x => x.LotId).NotEmpty().WithMessage("Select the lot the award decision is for.")
            .MaximumLength(100).WithMessage("Select the lot the award decision is for.")
            .PlainText(TextShape.OneLine, _ => "The lot");
        RuleFor(x => x.ApprovedBy).NotEmpty().WithMessage("Enter who approved the award, such as the board or the officer with delegated authority.")
            .MaximumLength(200).WithMessage("Who approved the award must be 200 characters or fewer.")
            .PlainText(TextShape.OneLine, _ => "Who approved the award");
        RuleFor(x => x.ApprovedOn).RealDate("the date the award was approved", required: true);
        RuleFor(x => x.Note).MaximumLength(2000).WithMessage("The note must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The note");
    }
}

/// <summary>A day the award page records: the assessment summaries given, or the further decision notified.</summary>
public sealed class NoticeDateInput
{
    /// <summary>The day, as typed.</summary>
    public DateInputModel Day { get; set; } = new();

    /// <summary>The tender's version when the page was shown.</summary>
    public long Version { get; set; }

    /// <summary>Set by the page, never bound: the date in words, as it reads after "Enter".</summary>
    [BindNever]
    public string DateName { get; set; } = "the date";
}

/// <summary>Checks a notice date form.</summary>
public sealed class NoticeDateInputValidator : AbstractValidator<NoticeDateInput>
{
    /// <summary>The rules.</summary>
    public NoticeDateInputValidator()
    {
        RuleFor(x => x.Day).Custom((date, context) =>
        {
            if (DateRules.Message(date ?? new DateInputModel(), context.InstanceToValidate.DateName, required: true) is { } message)
            {
                context.AddFailure(message);
            }
        });
    }
}
