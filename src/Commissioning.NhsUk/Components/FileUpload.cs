using System.Text.Json;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.NhsUk.Components;

/// <summary>The <c>file-upload</c> component's options.</summary>
public sealed record FileUploadOptions
{
    /// <summary>Its id; its name when not set.</summary>
    public string? Id { get; init; }

    /// <summary>The name it is sent as.</summary>
    public string? Name { get; init; }

    /// <summary>Whether several files may be chosen.</summary>
    public bool? Multiple { get; init; }

    /// <summary>Whether it is disabled.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Ids of other elements that describe it, before its hint and error.</summary>
    public string? DescribedBy { get; init; }

    /// <summary>Extra classes on the input.</summary>
    public string? Classes { get; init; }

    /// <summary>Classes for the "Choose file" button the script adds.</summary>
    public IReadOnlyList<string>? ChooseFilesButtonClassList { get; init; }

    /// <summary>The text of the "Choose file" button the script adds.</summary>
    public string? ChooseFilesButtonText { get; init; }

    /// <summary>The words shown before a file is chosen.</summary>
    public string? NoFileChosenText { get; init; }

    /// <summary>The words shown when several files are chosen, by plural form (<c>one</c>, <c>other</c>), with <c>%{count}</c>.</summary>
    public IReadOnlyDictionary<string, string>? MultipleFilesChosenText { get; init; }

    /// <summary>The words inviting a file to be dropped.</summary>
    public string? DropInstructionText { get; init; }

    /// <summary>The words announced when a file is dragged over the drop zone.</summary>
    public string? EnteredDropZoneText { get; init; }

    /// <summary>The words announced when a file is dragged out of the drop zone.</summary>
    public string? LeftDropZoneText { get; init; }

    /// <summary>The label.</summary>
    public LabelOptions? Label { get; init; }

    /// <summary>The hint.</summary>
    public HintOptions? Hint { get; init; }

    /// <summary>The error message.</summary>
    public ErrorMessageOptions? ErrorMessage { get; init; }

    /// <summary>The form group.</summary>
    public FormGroupOptions? FormGroup { get; init; }

    /// <summary>Extra attributes on the input, such as <c>accept</c>.</summary>
    public AttributeList? Attributes { get; init; }
}

public static partial class Render
{
    /// <summary>A file input in its form group, which the design system's script turns into a drop zone with a "Choose file" button.</summary>
    public static IHtmlContent FileUpload(FileUploadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = NonEmpty(options.Id) ?? options.Name ?? string.Empty;
        var hasError = options.ErrorMessage?.ShowsError == true;
        var (hint, error, describedBy) = HintAndError(id, NonEmpty(options.DescribedBy), options.Hint, options.ErrorMessage);
        var group = new HtmlElement("div")
            .Class("nhsuk-form-group", hasError ? "nhsuk-form-group--error" : null, options.FormGroup?.Classes, "nhsuk-file-upload")
            .Attr("data-module", "nhsuk-file-upload")
            .Attr("data-choose-files-button-class-list", options.ChooseFilesButtonClassList is { } list ? JsonSerializer.Serialize(list) : null)
            .Attr("data-i18n.choose-files-button", NonEmpty(options.ChooseFilesButtonText))
            .Attr("data-i18n.no-file-chosen", NonEmpty(options.NoFileChosenText));
        foreach (var (form, message) in options.MultipleFilesChosenText ?? new Dictionary<string, string>())
        {
            group.Attr($"data-i18n.multiple-files-chosen.{form}", message);
        }

        group
            .Attr("data-i18n.drop-instruction", NonEmpty(options.DropInstructionText))
            .Attr("data-i18n.entered-drop-zone", NonEmpty(options.EnteredDropZoneText))
            .Attr("data-i18n.left-drop-zone", NonEmpty(options.LeftDropZoneText))
            .Attrs(options.FormGroup?.Attributes);

        var input = new HtmlElement("input")
            .Class("nhsuk-file-upload__input", options.Classes)
            .Attr("id", id)
            .Attr("name", options.Name ?? string.Empty)
            .Attr("type", "file")
            .Flag("disabled", options.Disabled == true)
            .Flag("multiple", options.Multiple == true)
            .Attr("aria-describedby", describedBy)
            .Attrs(options.Attributes);

        return group
            .Add(options.Label is null ? null : Label(options.Label with { For = options.Label.For ?? id }))
            .Add(hint)
            .Add(error)
            .Add(options.FormGroup?.BeforeInput?.Content)
            .Add(input)
            .Add(options.FormGroup?.AfterInput?.Content);
    }
}
