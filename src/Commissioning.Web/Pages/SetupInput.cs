using Commissioning.Web.Forms;

namespace Commissioning.Web.Pages;

/// <summary>What the setup form sends: the first administrator's name, email address and password.</summary>
public sealed class SetupInput : AccountFields
{
    /// <summary>The fields in form order: ModelState key and the id of the input the error summary links to.</summary>
    public static IReadOnlyList<(string Key, string FieldId)> Fields { get; } =
    [
        ("Input.DisplayName", "display-name"),
        ("Input.Email", "email"),
        ("Input.Password", "password"),
        ("Input.ConfirmPassword", "confirm-password"),
    ];
}

/// <summary>Checks the setup form.</summary>
public sealed class SetupInputValidator : AccountFieldsValidator<SetupInput>;
