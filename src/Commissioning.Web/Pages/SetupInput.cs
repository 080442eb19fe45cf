using Commissioning.Web.Forms;

namespace Commissioning.Web.Pages;

/// <summary>What the setup form sends: the first administrator's name, email address and password.</summary>
public sealed class SetupInput : AccountFields;

/// <summary>Checks the setup form.</summary>
public sealed class SetupInputValidator : AccountFieldsValidator<SetupInput>;
