using System.Globalization;
using Commissioning.Core.Text;
using FluentValidation;
using Microsoft.AspNetCore.Html;

namespace Commissioning.Web.Pages.Tenders.Moderate;

/// <summary>The consensus form: the score the panel agreed and why.</summary>
public sealed class ConsensusInput
{
    /// <summary>The consensus score, as chosen or typed.</summary>
    public string? Score { get; set; }

    /// <summary>Why the panel agreed it.</summary>
    public string? Reason { get; set; }

    /// <summary>The consensus's version when the page was shown; empty when none was recorded.</summary>
    public long? Version { get; set; }

    /// <summary>The score; only valid after validation.</summary>
    public decimal ChosenScore() => decimal.Parse(Score!, NumberStyles.Number, CultureInfo.InvariantCulture);
}

/// <summary>Checks the consensus form. The range of the scale is the application's to check.</summary>
public sealed class ConsensusInputValidator : AbstractValidator<ConsensusInput>
{
    /// <summary>The rules.</summary>
    public ConsensusInputValidator()
    {
        RuleFor(x => x.Score).Must(s => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var score) && score >= 0)
            .WithMessage("Select the consensus score.");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter why the panel agreed this score, with reference to the bid's answer.")
            .MaximumLength(ModerationForms.ReasonLength).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }
}

/// <summary>The gate decision form: pass or fail, and why.</summary>
public sealed class GateDecisionInput
{
    /// <summary><c>pass</c> or <c>fail</c>.</summary>
    public string? Outcome { get; set; }

    /// <summary>Why, with reference to the bid.</summary>
    public string? Reason { get; set; }

    /// <summary>The decision's version when the page was shown; empty when none was recorded.</summary>
    public long? Version { get; set; }

    /// <summary>True for a pass; only valid after validation.</summary>
    public bool Passed() => Outcome == "pass";
}

/// <summary>Checks the gate decision form.</summary>
public sealed class GateDecisionInputValidator : AbstractValidator<GateDecisionInput>
{
    /// <summary>The rules.</summary>
    public GateDecisionInputValidator()
    {
        RuleFor(x => x.Outcome).Must(o => o is "pass" or "fail").WithMessage("Select whether the bid passes or fails this gate.");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter the reason for this decision, with reference to what the bid shows.")
            .MaximumLength(ModerationForms.ReasonLength).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }
}

/// <summary>The abnormally low price form: the bidder's explanation accepted or the bid excluded, and why.</summary>
public sealed class LowPriceInput
{
    /// <summary><c>Accepted</c> or <c>Excluded</c>.</summary>
    public string? Outcome { get; set; }

    /// <summary>Why, with reference to the bidder's explanation.</summary>
    public string? Reason { get; set; }

    /// <summary>The decision's version when the page was shown; empty when none was recorded.</summary>
    public long? Version { get; set; }

    /// <summary>The outcome; only valid after validation.</summary>
    public Commissioning.Core.Tenders.LowPriceOutcome ChosenOutcome() => Enum.Parse<Commissioning.Core.Tenders.LowPriceOutcome>(Outcome!);
}

/// <summary>Checks the abnormally low price form.</summary>
public sealed class LowPriceInputValidator : AbstractValidator<LowPriceInput>
{
    /// <summary>The rules.</summary>
    public LowPriceInputValidator()
    {
        RuleFor(x => x.Outcome).Must(o => o is "Accepted" or "Excluded").WithMessage("Select whether the bidder's explanation was accepted or the bid is excluded.");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter why, with reference to the bidder's explanation of the price.")
            .MaximumLength(ModerationForms.ReasonLength).WithMessage("The reason must be 2,000 characters or fewer.")
            .PlainText(TextShape.MultiLine, _ => "The reason");
    }
}

/// <summary>What the moderation pages share.</summary>
public static class ModerationForms
{
    /// <summary>The longest reason a form takes.</summary>
    public const int ReasonLength = 2000;

    /// <summary>A number as the pages show scores and spreads, such as 2 or 2.5.</summary>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Text someone typed, encoded, with its line breaks kept as <c>br</c> elements: each line is
    /// appended as text (encoded when written), only the breaks are markup.
    /// </summary>
    public static IHtmlContent Lines(string? text)
    {
        var builder = new HtmlContentBuilder();
        var lines = (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                builder.AppendHtml("<br>");
            }

            builder.Append(lines[i]);
        }

        return builder;
    }
}
