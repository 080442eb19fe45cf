using Commissioning.Web.Infrastructure;
using FluentValidation;

namespace Commissioning.Web.Forms;

/// <summary>The checks an uploaded whole tender file gets before it is read, wherever it is uploaded.</summary>
public static class UploadRules
{
    /// <summary>
    /// A tender file: chosen (else <paramref name="missing"/>), named <c>.json</c>, not empty and
    /// within <see cref="RequestLimits.MaxUploadBytes"/>; each problem on the field itself.
    /// </summary>
    public static IRuleBuilderOptions<T, IFormFile?> TenderFile<T>(this IRuleBuilder<T, IFormFile?> rule, string missing) =>
        rule.NotNull().WithMessage(missing)
            .Must(file => file is null || file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).WithMessage("The selected file must be a tender file ending in .json.")
            .Must(file => file is null || file.Length > 0).WithMessage("The selected file is empty.")
            .Must(file => file is null || file.Length <= RequestLimits.MaxUploadBytes).WithMessage($"The selected file must be smaller than {RequestLimits.MaxUploadBytes / 1024 / 1024} MB.");
}
