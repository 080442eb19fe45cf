using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

public static partial class Render
{
    /// <summary>A hint.</summary>
    public static IHtmlContent Hint(HintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HtmlElement("div")
            .Class("nhsuk-hint", options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attrs(options.Attributes)
            .Add(!Markup.IsEmpty(options.Content) ? options.Content : Markup.Of(options.Text, options.Html));
    }

    /// <summary>An error message, with the words screen readers hear before it.</summary>
    public static IHtmlContent ErrorMessage(ErrorMessageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hidden = options.VisuallyHiddenText ?? "Error";
        var element = new HtmlElement("span")
            .Class("nhsuk-error-message", options.Classes)
            .Attr("id", NonEmpty(options.Id))
            .Attrs(options.Attributes);
        if (hidden.Length > 0)
        {
            element.Add(new HtmlElement("span").Class("nhsuk-u-visually-hidden").Text(hidden + ": "));
        }

        return element.Add(!Markup.IsEmpty(options.Content) ? options.Content : Markup.Of(options.Text, options.Html));
    }
}
