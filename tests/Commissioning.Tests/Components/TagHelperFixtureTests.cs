using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commissioning.NhsUk.Forms;
using Commissioning.NhsUk.TagHelpers;
using static Commissioning.Tests.Components.TagHelperHarness;

namespace Commissioning.Tests.Components;

/// <summary>
/// The design system's fixtures rendered through the tag helpers themselves, as a page would write
/// them: each case's options become tags, attributes, content and ModelState (a value typed, an
/// error), the tags run as Razor runs them, and the HTML is compared with the fixture's. A case
/// that needs an option the tag helpers do not take is left out, with the option named; the
/// renderers behind them are compared with every case in <see cref="FixtureConformanceTests"/>.
/// </summary>
[TestFixture]
public sealed class TagHelperFixtureTests
{
    private delegate Tag Translate(JsonObject context, FixtureCase fixture, TagHelperHarness harness);

    private static readonly (string Component, Translate Translate)[] Translators =
    [
        ("back-link", BackLink),
        ("breadcrumb", Breadcrumb),
        ("button", Button),
        ("card", Card),
        ("character-count", CharacterCount),
        ("checkboxes", (c, f, h) => Choices(c, f, h, checkboxes: true)),
        ("details", Details),
        ("error-message", ErrorMessage),
        ("file-upload", FileUpload),
        ("hint", Hint),
        ("input", Input),
        ("inset-text", InsetText),
        ("label", Label),
        ("legend", Legend),
        ("panel", Panel),
        ("radios", (c, f, h) => Choices(c, f, h, checkboxes: false)),
        ("select", Select),
        ("summary-list", SummaryList),
        ("tables", Table),
        ("tag", TagComponent),
        ("textarea", Textarea),
        ("warning-callout", WarningCallout),
    ];

    private static IEnumerable<(string Component, FixtureCase Case, string? Reason)> All() =>
        Translators.SelectMany(t => DesignSystemFixtures.Load(t.Component).Select(c => (t.Component, c, Classify(t.Translate, c))));

    private static string? Classify(Translate translate, FixtureCase fixture)
    {
        try
        {
            translate(fixture.Context.DeepClone().AsObject(), fixture, new TagHelperHarness());
            return null;
        }
        catch (NotExpressibleException e)
        {
            return e.Message;
        }
    }

    private static IEnumerable<TestCaseData> Expressible() =>
        All().Where(x => x.Reason is null).Select(x => new TestCaseData(x.Component, x.Case).SetArgDisplayNames(x.Case.ToString()));

    [TestCaseSource(nameof(Expressible))]
    public async Task Fixture_WrittenWithTheTagHelpers_IsTheDesignSystemsHtml(string component, FixtureCase fixture)
    {
        var harness = new TagHelperHarness();
        var tag = Translators.Single(t => t.Component == component).Translate(fixture.Context.DeepClone().AsObject(), fixture, harness);
        var html = await harness.RenderAsync(tag);
        HtmlAssert.AreEqual(fixture.Html, html, $"{fixture} with {fixture.Context.ToJsonString()}");
    }

    [Test]
    public void Fixtures_ThroughTheTagHelpers_CountedWithEachReasonLeftOut()
    {
        var report = new StringBuilder();
        report.AppendLine("The same fixtures written with the tag helpers, per component");
        var (compared, leftOut) = (0, 0);
        foreach (var group in All().GroupBy(x => x.Component))
        {
            var through = group.Count(x => x.Reason is null);
            var left = group.Where(x => x.Reason is not null).ToList();
            (compared, leftOut) = (compared + through, leftOut + left.Count);
            report.AppendLine(CultureInfo.InvariantCulture, $"{group.Key}: {through} through the tag helpers, {left.Count} left out");
            foreach (var reason in left.GroupBy(x => x.Reason))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    left out ({reason.Count()}): {reason.Key}");
            }

            Assert.That(through, Is.GreaterThan(0), $"{group.Key}: no fixture written with its tag helper");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"In all: {compared} through the tag helpers, {leftOut} left out, over {Translators.Length} components.");
        TestContext.Out.WriteLine(report.ToString());
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nhsuk-tag-helper-fixtures.txt"), report.ToString());
    }

    // ---- Components ----

    private static Tag Input(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "id", "name", "type", "value", "autocomplete", "inputmode", "spellcheck", "width", "prefix", "suffix", "disabled", "classes", "label", "hint", "errorMessage", "attributes", "pattern", "placeholder", "autocapitalize");
        var (name, id) = NameAndId(c, "id");
        var type = S(c["type"]);
        if (type is "email" or "password" && c["spellcheck"] is null)
        {
            throw new NotExpressibleException("an email or password field left to the browser's spelling check, which the site always turns off");
        }

        Typed(h, name, S(c["value"]));
        Error(h, name, c["errorMessage"]);
        var helper = new InputTagHelper
        {
            Name = name,
            Id = id,
            Type = type,
            Autocomplete = S(c["autocomplete"]),
            Inputmode = S(c["inputmode"]),
            Spellcheck = c["spellcheck"] is null ? null : B(c["spellcheck"]),
            Width = S(c["width"]) is { } width ? int.Parse(width, CultureInfo.InvariantCulture) : null,
            Prefix = Affix(c["prefix"], "prefix"),
            Suffix = Affix(c["suffix"], "suffix"),
            Disabled = B(c["disabled"]),
        };
        var tag = Tag(helper, "nhsuk-input", [.. Parts(c)]);
        foreach (var attribute in new[] { "pattern", "placeholder", "autocapitalize" })
        {
            if (S(c[attribute]) is { } value)
            {
                tag.With(attribute, value);
            }
        }

        return Extra(tag, c);
    }

    private static Tag Textarea(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "id", "name", "rows", "value", "autocomplete", "label", "hint", "errorMessage", "classes", "attributes", "disabled");
        var (name, id) = NameAndId(c, "id");
        Typed(h, name, S(c["value"]));
        Error(h, name, c["errorMessage"]);
        var tag = Tag(new TextareaTagHelper { Name = name, Id = id, Rows = I(c["rows"]), Autocomplete = S(c["autocomplete"]) }, "nhsuk-textarea", [.. Parts(c)]);
        if (B(c["disabled"]))
        {
            tag.With("disabled", null);
        }

        return Extra(tag, c);
    }

    private static Tag CharacterCount(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "id", "name", "rows", "value", "maxlength", "maxwords", "threshold", "label", "hint", "errorMessage", "classes", "attributes");
        var (name, id) = NameAndId(c, "id");
        Typed(h, name, S(c["value"]));
        Error(h, name, c["errorMessage"]);
        var tag = Tag(new CharacterCountTagHelper { Name = name, Id = id, Rows = I(c["rows"]), Maxlength = I(c["maxlength"]), Maxwords = I(c["maxwords"]), Threshold = I(c["threshold"]) }, "nhsuk-character-count", [.. Parts(c)]);
        return Extra(tag, c);
    }

    private static Tag FileUpload(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "id", "name", "label", "hint", "errorMessage", "multiple", "classes", "attributes");
        var (name, id) = NameAndId(c, "id");
        Error(h, name, c["errorMessage"]);
        return Extra(Tag(new FileUploadTagHelper { Name = name, Id = id, Multiple = B(c["multiple"]) }, "nhsuk-file-upload", [.. Parts(c)]), c);
    }

    private static Tag Select(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "id", "name", "items", "value", "label", "hint", "errorMessage", "classes", "attributes");
        var (name, id) = NameAndId(c, "id");
        Typed(h, name, S(c["value"]));
        Error(h, name, c["errorMessage"]);
        var children = Parts(c);
        foreach (var node in (c["items"] as JsonArray ?? []))
        {
            var item = node as JsonObject ?? throw new NotExpressibleException("an empty item in the list");
            Only(item, "items[].", "value", "text", "selected", "disabled");
            var value = S(item["value"]) ?? throw new NotExpressibleException("an option with no value of its own");
            children.Add(Tag(new SelectOptionTagHelper { Value = value, Selected = item["selected"] is null ? null : B(item["selected"]), Disabled = B(item["disabled"]) }, "nhsuk-select-option", S(item["text"]) ?? string.Empty));
        }

        return Extra(Tag(new SelectTagHelper { Name = name, Id = id }, "nhsuk-select", [.. children]), c);
    }

    private static Tag Choices(JsonObject c, FixtureCase f, TagHelperHarness h, bool checkboxes)
    {
        Only(c, "", "idPrefix", "name", "items", checkboxes ? "values" : "value", "fieldset", "hint", "errorMessage", "inline", "small", "classes", "attributes");
        var (name, id) = NameAndId(c, "idPrefix");
        if (checkboxes && c["values"] is JsonArray values)
        {
            var chosen = values.Select(v => S(v)!).ToArray();
            h.ModelState.SetModelValue(name, chosen, string.Join(',', chosen));
        }
        else
        {
            Typed(h, name, S(c["value"]));
        }

        Error(h, name, c["errorMessage"]);
        var children = new List<object>();
        if (c["fieldset"] is JsonObject fieldset)
        {
            Only(fieldset, "fieldset.", "legend");
            children.Add(LegendTag(fieldset["legend"] ?? throw new NotExpressibleException("a fieldset without a legend"), "fieldset.legend."));
        }

        children.AddRange(Parts(c).Where(p => p is Tag { Name: "nhsuk-hint" }));
        foreach (var node in (c["items"] as JsonArray ?? []))
        {
            var item = node as JsonObject ?? throw new NotExpressibleException("an empty item in the list");
            if (S(item["divider"]) is { } divider)
            {
                Only(item, "items[].", "divider");
                children.Add(Tag(new ChoiceDividerTagHelper(), "nhsuk-choice-divider", divider));
                continue;
            }

            Only(item, "items[].", checkboxes ? ["value", "text", "html", "hint", "conditional", "checked", "disabled", "behaviour", "exclusive"] : ["value", "text", "html", "hint", "conditional", "checked", "disabled"]);
            var parts = new List<object> { Content(item, null) };
            if (item["hint"] is { } hint)
            {
                parts.Add(Tag(new ChoiceHintTagHelper(), "nhsuk-item-hint", S(TextOnly(hint, "items[].hint.")) ?? throw new NotExpressibleException("an item hint with no text")));
            }

            if (item["conditional"] is JsonObject conditional)
            {
                Only(conditional, "items[].conditional.", "html");
                parts.Add(Tag(new ChoiceConditionalTagHelper(), "nhsuk-conditional", new RawHtml(S(conditional["html"])!)));
            }

            var behaviour = B(item["exclusive"]) ? "exclusive" : S(item["behaviour"]);
            children.Add(Tag(new ChoiceTagHelper { Value = S(item["value"]), Checked = item["checked"] is null ? null : B(item["checked"]), Disabled = B(item["disabled"]), Behaviour = behaviour }, checkboxes ? "nhsuk-checkbox" : "nhsuk-radio", [.. parts]));
        }

        FieldTagHelper group = checkboxes
            ? new CheckboxesTagHelper { Name = name, Id = id, Inline = B(c["inline"]), Small = B(c["small"]) }
            : new RadiosTagHelper { Name = name, Id = id, Inline = B(c["inline"]), Small = B(c["small"]) };
        return Extra(Tag(group, checkboxes ? "nhsuk-checkboxes" : "nhsuk-radios", [.. children]), c);
    }

    private static Tag Button(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "text", "html", "href", "type", "name", "value", "variant", "small", "disabled", "preventDoubleClick", "id", "classes", "attributes");
        if (c["preventDoubleClick"] is { } prevent && !B(prevent))
        {
            throw new NotExpressibleException("'preventDoubleClick' set to false, which the site writes by leaving it out");
        }

        var helper = new ButtonTagHelper(Urls) { Href = S(c["href"]), Type = S(c["type"]), Name = S(c["name"]), Value = S(c["value"]), Variant = S(c["variant"]), Small = B(c["small"]), Disabled = B(c["disabled"]), PreventDoubleClick = B(c["preventDoubleClick"]), Id = S(c["id"]) };
        return Extra(Tag(helper, "nhsuk-button", Content(c, f)), c);
    }

    private static Tag Hint(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "text", "html");
        return Tag(new HintTagHelper(), "nhsuk-hint", Content(c, f));
    }

    private static Tag ErrorMessage(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "text", "html", "visuallyHiddenText");
        return Tag(new ErrorMessageTagHelper { VisuallyHiddenText = S(c["visuallyHiddenText"]) }, "nhsuk-error-message", Content(c, f));
    }

    private static Tag Label(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "text", "html", "for", "size", "heading", "isPageHeading", "visuallyHiddenText");
        var tag = LabelTag(c, string.Empty, f.CallBlock);
        ((LabelTagHelper)tag.Helper).For = S(c["for"]);
        return tag;
    }

    private static Tag Legend(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "text", "html", "size", "heading", "isPageHeading", "visuallyHiddenText");
        return LegendTag(c, string.Empty, f.CallBlock);
    }

    private static Tag TagComponent(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "text", "html", "colour", "border", "classes");
        return Tag(new TagTagHelper { Colour = S(c["colour"]), Border = c["border"] is null ? null : B(c["border"]), Classes = S(c["classes"]) }, "nhsuk-tag", Content(c, f));
    }

    private static Tag InsetText(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "html");
        return Tag(new InsetTextTagHelper(), "nhsuk-inset-text", Content(c, f));
    }

    private static Tag Details(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "summary", "text", "html", "open", "classes");
        var classes = S(c["classes"]);
        if (classes is not null and not "nhsuk-expander")
        {
            throw new NotExpressibleException($"'classes' other than the expander ({classes})");
        }

        return Tag(new DetailsTagHelper { Summary = S(TextOnly(c["summary"], "summary.")), Open = B(c["open"]), Expander = classes is not null }, "nhsuk-details", Content(c, f));
    }

    private static Tag BackLink(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "text", "html", "href");
        return Tag(new BackLinkTagHelper(Urls) { Href = S(c["href"]) }, "nhsuk-back-link", Content(c, f));
    }

    private static Tag WarningCallout(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "heading", "html");
        var (text, level) = c["heading"] is JsonObject heading ? (Take(heading, "heading.", "text", "level")) : (S(c["heading"]), null);
        return Tag(new WarningCalloutTagHelper { Heading = text, HeadingLevel = level }, "nhsuk-warning-callout", Content(c, f));
    }

    private static Tag Panel(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "heading", "text", "html");
        var (text, level) = c["heading"] is JsonObject heading ? Take(heading, "heading.", "text", "level") : (S(c["heading"]), null);
        return Tag(new PanelTagHelper { Heading = text, HeadingLevel = level }, "nhsuk-panel", Content(c, f));
    }

    private static Tag Card(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "heading", "href", "clickable", "description", "variant");
        string? text = c["heading"] is JsonObject ? null : S(c["heading"]);
        int? level = null;
        string? size = null;
        if (c["heading"] is JsonObject heading)
        {
            Only(heading, "heading.", "text", "level", "size");
            (text, level, size) = (S(heading["text"]), I(heading["level"]), S(heading["size"]));
        }

        var helper = new CardTagHelper(Urls) { Heading = text, HeadingLevel = level, HeadingSize = size, Href = S(c["href"]), Clickable = B(c["clickable"]), Variant = S(c["variant"]), Description = S(TextOnly(c["description"], "description.")) };
        return Tag(helper, "nhsuk-card", f.CallBlock is { } block ? [new RawHtml(block)] : []);
    }

    private static Tag Breadcrumb(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "items");
        var items = new List<object>();
        foreach (var node in c["items"] as JsonArray ?? throw new NotExpressibleException("no items"))
        {
            var item = Obj(node, "items[]", "text", "href");
            items.Add(Tag(new BreadcrumbItemTagHelper(Urls) { Href = S(item["href"]) }, "nhsuk-breadcrumb-item", S(item["text"])!));
        }

        return Tag(new BreadcrumbTagHelper(), "nhsuk-breadcrumb", [.. items]);
    }

    private static Tag SummaryList(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "rows");
        var rows = new List<object>();
        foreach (var node in c["rows"] as JsonArray ?? throw new NotExpressibleException("no rows"))
        {
            var row = node as JsonObject ?? throw new NotExpressibleException("an empty row");
            Only(row, "rows[].", "key", "value", "actions");
            var cells = new List<object>
            {
                Tag(new SummaryListCellTagHelper(), "nhsuk-summary-list-key", Content(Obj(row["key"], "rows[].key", "text", "html"), null, "rows[].key.")),
                Tag(new SummaryListCellTagHelper(), "nhsuk-summary-list-value", Content(Obj(row["value"], "rows[].value", "text", "html"), null, "rows[].value.")),
            };
            if (row["actions"] is JsonArray)
            {
                throw new NotExpressibleException("'rows[].actions' given as a list, the older way");
            }

            if (row["actions"] is JsonObject actions)
            {
                Only(actions, "rows[].actions.", "items");
                foreach (var action in actions["items"] as JsonArray ?? throw new NotExpressibleException("no actions"))
                {
                    var a = Obj(action, "rows[].actions.items[]", "href", "text", "visuallyHiddenText");
                    cells.Add(Tag(new SummaryListActionTagHelper(Urls) { Href = S(a["href"]), VisuallyHiddenText = S(a["visuallyHiddenText"]) }, "nhsuk-summary-list-action", S(a["text"])!));
                }
            }

            rows.Add(Tag(new SummaryListRowTagHelper(), "nhsuk-summary-list-row", [.. cells]));
        }

        return Tag(new SummaryListTagHelper(), "nhsuk-summary-list", [.. rows]);
    }

    private static Tag Table(JsonObject c, FixtureCase f, TagHelperHarness h)
    {
        Only(c, "", "caption", "head", "rows", "responsive", "firstCellIsHeader");
        string? caption = c["caption"] is JsonObject ? null : S(c["caption"]);
        string? size = null;
        var hidden = false;
        if (c["caption"] is JsonObject captionObject)
        {
            Only(captionObject, "caption.", "text", "size", "classes");
            caption = S(captionObject["text"]);
            size = S(captionObject["size"]);
            hidden = S(captionObject["classes"]) switch
            {
                null => false,
                "nhsuk-u-visually-hidden" => true,
                var other => throw new NotExpressibleException($"'caption.classes' other than hidden ({other})"),
            };
        }

        var children = new List<object>();
        foreach (var node in (c["head"] as JsonArray ?? []))
        {
            var head = node as JsonObject ?? throw new NotExpressibleException("an empty head cell");
            Only(head, "head[].", "text", "format");
            children.Add(Tag(new TableHeaderTagHelper { Format = S(head["format"]) }, "nhsuk-table-header", S(head["text"]) ?? string.Empty));
        }

        foreach (var row in (c["rows"] as JsonArray ?? []))
        {
            var cells = new List<object>();
            foreach (var node in row as JsonArray ?? throw new NotExpressibleException("an empty row"))
            {
                var cell = node as JsonObject ?? throw new NotExpressibleException("an empty cell");
                Only(cell, "rows[][].", "text", "html", "format");
                cells.Add(Tag(new TableCellTagHelper { Format = S(cell["format"]) }, "nhsuk-table-cell", Content(cell, null, "rows[][].")));
            }

            children.Add(Tag(new TableRowTagHelper(), "nhsuk-table-row", [.. cells]));
        }

        return Tag(new TableTagHelper { Caption = caption, CaptionSize = size, CaptionHidden = hidden, Responsive = B(c["responsive"]), FirstCellIsHeader = B(c["firstCellIsHeader"]) }, "nhsuk-table", [.. children]);
    }

    // ---- Parts ----

    /// <summary>A field's label and hint, as tags inside it.</summary>
    private static List<object> Parts(JsonObject c)
    {
        var parts = new List<object>();
        if (c["label"] is { } label)
        {
            parts.Add(LabelTag(label, "label.", null));
        }

        if (c["hint"] is { } hint)
        {
            parts.Add(Tag(new HintTagHelper(), "nhsuk-hint", TextOrHtml(hint, "hint.")));
        }

        return parts;
    }

    private static Tag LabelTag(JsonNode node, string path, string? callBlock)
    {
        var (content, size, pageHeading, hidden) = QuestionText(node, path, callBlock);
        return Tag(new LabelTagHelper { Size = size, IsPageHeading = pageHeading, VisuallyHiddenText = hidden }, "nhsuk-label", content);
    }

    private static Tag LegendTag(JsonNode node, string path, string? callBlock = null)
    {
        var (content, size, pageHeading, hidden) = QuestionText(node, path, callBlock);
        return Tag(new LegendTagHelper { Size = size, IsPageHeading = pageHeading, VisuallyHiddenText = hidden }, "nhsuk-legend", content);
    }

    /// <summary>A label's or legend's words, size and whether it is the page heading; a missing size is written <c>none</c>, as the site's default is bold.</summary>
    private static (object Content, string Size, bool PageHeading, string? Hidden) QuestionText(JsonNode node, string path, string? callBlock)
    {
        if (node is JsonValue)
        {
            return (S(node)!, "none", false, null);
        }

        var o = node.AsObject();
        Only(o, path, "text", "html", "size", "heading", "isPageHeading", "visuallyHiddenText", "for");
        object? content = callBlock is not null ? new RawHtml(callBlock) : S(o["html"]) is { } html ? new RawHtml(html) : S(o["text"]);
        var size = S(o["size"]);
        var pageHeading = false;
        switch (o["heading"])
        {
            case JsonValue heading when heading.GetValueKind() == JsonValueKind.String:
                pageHeading = true;
                content ??= heading.GetValue<string>();
                break;
            case JsonObject heading:
                Only(heading, path + "heading.", "text", "size");
                pageHeading = true;
                content = S(heading["text"]) ?? content;
                size = S(heading["size"]) ?? size;
                break;
            case null:
                break;
            default:
                throw new NotExpressibleException($"'{path}heading' given as {o["heading"]!.ToJsonString()}");
        }

        if (o["isPageHeading"] is { } isPageHeading)
        {
            pageHeading = B(isPageHeading);
        }

        return (content ?? throw new NotExpressibleException($"'{path}' with no words"), size ?? "none", pageHeading, S(o["visuallyHiddenText"]));
    }

    /// <summary>The content between a tag's tags: the call block, else the HTML, else the text.</summary>
    private static object Content(JsonObject o, FixtureCase? fixture, string path = "")
    {
        if (fixture?.CallBlock is { } block)
        {
            return new RawHtml(block);
        }

        return S(o["html"]) is { } html ? new RawHtml(html) : S(o["text"]) ?? throw new NotExpressibleException($"'{path}' with no content");
    }

    private static object TextOrHtml(JsonNode node, string path)
    {
        if (node is JsonValue)
        {
            return S(node)!;
        }

        Only(node.AsObject(), path, "text", "html");
        return Content(node.AsObject(), null, path);
    }

    private static JsonNode? TextOnly(JsonNode? node, string path)
    {
        if (node is JsonObject o)
        {
            Only(o, path, "text");
            return o["text"];
        }

        return node;
    }

    private static (string? Text, int? Level) Take(JsonObject o, string path, params string[] keys)
    {
        Only(o, path, keys);
        return (S(o["text"]), I(o["level"]));
    }

    private static string? Affix(JsonNode? node, string name) => node switch
    {
        null => null,
        JsonObject o => S(TextOnly(o, name + ".")),
        _ => S(node),
    };

    /// <summary>The field's name, and its id unless the site would give it the same one.</summary>
    private static (string Name, string? Id) NameAndId(JsonObject c, string idKey)
    {
        var name = S(c["name"]) ?? throw new NotExpressibleException("a field with no name");
        var id = S(c[idKey]);
        if (id is null && FieldIds.From(name) != name)
        {
            throw new NotExpressibleException("a field whose id the design system takes from its name as written, where the site writes it hyphenated");
        }

        return (name, id);
    }

    /// <summary>A value as a person typed it: in ModelState, where the field reads it back.</summary>
    private static void Typed(TagHelperHarness h, string name, string? value)
    {
        if (value is not null)
        {
            h.ModelState.SetModelValue(name, value, value);
        }
    }

    /// <summary>An error for the field: in ModelState, where the field reads it.</summary>
    private static void Error(TagHelperHarness h, string name, JsonNode? error)
    {
        var message = error switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonObject o => Message(o),
            _ => throw new NotExpressibleException($"'errorMessage' given as {error.ToJsonString()}, where the site's errors are messages"),
        };
        if (message is not null)
        {
            h.ModelState.AddModelError(name, message);
        }

        static string? Message(JsonObject o)
        {
            Only(o, "errorMessage.", "text");
            return S(o["text"]);
        }
    }

    /// <summary>Classes and attributes the design system adds to the element, written on the tag as a page would.</summary>
    private static Tag Extra(Tag tag, JsonObject c)
    {
        if (S(c["classes"]) is { } classes)
        {
            tag.With("class", classes);
        }

        if (c["attributes"] is JsonObject attributes)
        {
            foreach (var (name, value) in attributes)
            {
                tag.With(name, S(value));
            }
        }

        return tag;
    }

    /// <summary>An option that must be an object with only these keys.</summary>
    private static JsonObject Obj(JsonNode? node, string path, params string[] keys)
    {
        var o = node as JsonObject ?? throw new NotExpressibleException($"'{path}' given as {node?.ToJsonString() ?? "nothing"}");
        Only(o, path + ".", keys);
        return o;
    }

    private static void Only(JsonObject o, string path, params string[] keys)
    {
        foreach (var (key, _) in o)
        {
            if (!keys.Contains(key))
            {
                throw new NotExpressibleException($"'{path}{key}', which the tag helpers do not take");
            }
        }
    }

    private static string? S(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        JsonValue v => v.ToJsonString(),
        _ => throw new NotExpressibleException($"{node.ToJsonString()} where the tag helpers take words"),
    };

    private static bool B(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    private static int? I(JsonNode? node) => S(node) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private sealed class NotExpressibleException(string message) : Exception(message);
}
