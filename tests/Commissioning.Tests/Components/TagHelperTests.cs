using Commissioning.NhsUk.Forms;
using Commissioning.NhsUk.TagHelpers;
using static Commissioning.Tests.Components.TagHelperHarness;

namespace Commissioning.Tests.Components;

/// <summary>
/// The tag helpers fill each component from the page's model and ModelState: the value, the id
/// from the name, the error with its classes and its place in <c>aria-describedby</c>, and the
/// link in the error summary. Expected HTML is the design system's markup for those options.
/// </summary>
[TestFixture]
public sealed class TagHelperTests
{
    public sealed class Page
    {
        public FormInput Input { get; set; } = new();

        public StageForm Stage { get; set; } = new();
    }

    public sealed class FormInput
    {
        public string? Email { get; set; }

        public string? Kind { get; set; }

        public List<string> Roles { get; set; } = [];

        public string? Name { get; set; }
    }

    public sealed class StageForm
    {
        public DateInputModel NoticesSentOn { get; set; } = new();
    }

    [Test]
    public async Task Input_WithAnError_FillsValueIdErrorAndDescribedBy()
    {
        var harness = new TagHelperHarness(new Page { Input = new FormInput { Email = "not an address" } });
        harness.ModelState.AddModelError("Input.Email", "Enter an email address in the correct format, like name@example.com");

        var html = await harness.RenderAsync(Tag(new InputTagHelper { For = harness.For("Input.Email"), Type = "email" }, "nhsuk-input",
            Tag(new LabelTagHelper(), "nhsuk-label", "Email address"),
            Tag(new HintTagHelper(), "nhsuk-hint", "You will use this to sign in")));

        HtmlAssert.AreEqual("""
            <div class="nhsuk-form-group nhsuk-form-group--error">
              <label class="nhsuk-label nhsuk-label--s" for="email">Email address</label>
              <div class="nhsuk-hint" id="email-hint">You will use this to sign in</div>
              <span class="nhsuk-error-message" id="email-error"><span class="nhsuk-u-visually-hidden">Error: </span>Enter an email address in the correct format, like name@example.com</span>
              <input class="nhsuk-input nhsuk-input--error" id="email" name="Input.Email" type="email" spellcheck="false" value="not an address" aria-describedby="email-hint email-error">
            </div>
            """, html);
    }

    [Test]
    public async Task Input_Password_NeverShowsItsValue()
    {
        var harness = new TagHelperHarness(new Page { Input = new FormInput { Email = "secret words here" } });
        var html = await harness.RenderAsync(Tag(new InputTagHelper { For = harness.For("Input.Email"), Type = "password" }, "nhsuk-input", Tag(new LabelTagHelper(), "nhsuk-label", "Password")));
        Assert.That(html, Does.Not.Contain("secret"));
    }

    [Test]
    public async Task Label_AsThePageHeading_IsLargeInsideAHeading()
    {
        var harness = new TagHelperHarness(new Page());
        var html = await harness.RenderAsync(Tag(new InputTagHelper { For = harness.For("Input.Name") }, "nhsuk-input",
            Tag(new LabelTagHelper { IsPageHeading = true }, "nhsuk-label", "What is the tender called?")));

        HtmlAssert.AreEqual("""
            <div class="nhsuk-form-group">
              <h1 class="nhsuk-label-wrapper"><label class="nhsuk-label nhsuk-label--l" for="name">What is the tender called?</label></h1>
              <input class="nhsuk-input" id="name" name="Input.Name" type="text">
            </div>
            """, html);
    }

    [Test]
    public async Task Radios_ChosenFromTheModel_WithAnErrorOnTheGroupAndANestedField()
    {
        var harness = new TagHelperHarness(new Page { Input = new FormInput { Kind = "new" } });
        harness.ModelState.AddModelError("Input.Kind", "Select whether the person belongs to an organisation");
        harness.ModelState.AddModelError("Input.Name", "Enter the organisation's name");

        var html = await harness.RenderAsync(Tag(new RadiosTagHelper { For = harness.For("Input.Kind") }, "nhsuk-radios",
            Tag(new LegendTagHelper(), "nhsuk-legend", "Organisation"),
            Tag(new ChoiceTagHelper { Value = "existing" }, "nhsuk-radio", "An organisation already on this service"),
            Tag(new ChoiceTagHelper { Value = "new" }, "nhsuk-radio", "A new organisation",
                Tag(new ChoiceConditionalTagHelper(), "nhsuk-conditional",
                    Tag(new InputTagHelper { For = harness.For("Input.Name") }, "nhsuk-input", Tag(new LabelTagHelper(), "nhsuk-label", "Name")))),
            Tag(new ChoiceDividerTagHelper(), "nhsuk-choice-divider", "or"),
            Tag(new ChoiceTagHelper { Value = "none" }, "nhsuk-radio", "None")));

        HtmlAssert.AreEqual("""
            <div class="nhsuk-form-group nhsuk-form-group--error">
              <fieldset class="nhsuk-fieldset" aria-describedby="kind-error">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Organisation</legend>
                <span class="nhsuk-error-message" id="kind-error"><span class="nhsuk-u-visually-hidden">Error: </span>Select whether the person belongs to an organisation</span>
                <div class="nhsuk-radios" data-module="nhsuk-radios">
                  <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id="kind" name="Input.Kind" type="radio" value="existing">
                    <label class="nhsuk-label nhsuk-radios__label" for="kind">An organisation already on this service</label>
                  </div>
                  <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id="kind-2" name="Input.Kind" type="radio" value="new" checked data-aria-controls="conditional-kind-2">
                    <label class="nhsuk-label nhsuk-radios__label" for="kind-2">A new organisation</label>
                  </div>
                  <div class="nhsuk-radios__conditional" id="conditional-kind-2">
                    <div class="nhsuk-form-group nhsuk-form-group--error">
                      <label class="nhsuk-label nhsuk-label--s" for="name">Name</label>
                      <span class="nhsuk-error-message" id="name-error"><span class="nhsuk-u-visually-hidden">Error: </span>Enter the organisation's name</span>
                      <input class="nhsuk-input nhsuk-input--error" id="name" name="Input.Name" type="text" aria-describedby="name-error">
                    </div>
                  </div>
                  <div class="nhsuk-radios__divider">or</div>
                  <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id="kind-4" name="Input.Kind" type="radio" value="none">
                    <label class="nhsuk-label nhsuk-radios__label" for="kind-4">None</label>
                  </div>
                </div>
              </fieldset>
            </div>
            """, html);

        // The group is recorded before the field inside it, so the error summary lists them in page order.
        Assert.That(PageFields.For(harness.ViewContext.HttpContext).Fields, Is.EqualTo(new[] { ("Input.Kind", "kind"), ("Input.Name", "name") }));
    }

    [Test]
    public async Task FieldsBoundByName_ShowTheGivenValueAndTheirError()
    {
        // A field repeated for each item of a list is bound by name with its value given, not by an
        // indexed asp-for; it keeps its id, its error and its place in the error summary.
        var harness = new TagHelperHarness(new Page());
        harness.ModelState.AddModelError("Input.Gates[1].Description", "Enter what a bid must show to pass gate G2");
        var html = await harness.RenderAsync(Tag(new TextareaTagHelper { Name = "Input.Gates[1].Description", GivenValue = "A current <SEQOHS> certificate", Rows = 3 }, "nhsuk-textarea",
            Tag(new LabelTagHelper(), "nhsuk-label", "What a bid must show to pass")));
        var boxes = await harness.RenderAsync(Tag(new CheckboxesTagHelper { Name = "Input.Gates[1].Remove", GivenValue = "yes", Small = true }, "nhsuk-checkboxes",
            Tag(new ChoiceTagHelper { Value = "yes" }, "nhsuk-checkbox", "Remove this gate")));

        HtmlAssert.AreEqual("""
            <div class="nhsuk-form-group nhsuk-form-group--error">
              <label class="nhsuk-label nhsuk-label--s" for="gates-1-description">What a bid must show to pass</label>
              <span class="nhsuk-error-message" id="gates-1-description-error"><span class="nhsuk-u-visually-hidden">Error: </span>Enter what a bid must show to pass gate G2</span>
              <textarea class="nhsuk-textarea nhsuk-textarea--error" id="gates-1-description" name="Input.Gates[1].Description" rows="3" aria-describedby="gates-1-description-error">A current &lt;SEQOHS&gt; certificate</textarea>
            </div>
            """, html);
        HtmlAssert.AreEqual("""
            <div class="nhsuk-form-group">
              <div class="nhsuk-checkboxes nhsuk-checkboxes--small" data-module="nhsuk-checkboxes">
                <div class="nhsuk-checkboxes__item">
                  <input class="nhsuk-checkboxes__input" id="gates-1-remove" name="Input.Gates[1].Remove" type="checkbox" value="yes" checked>
                  <label class="nhsuk-label nhsuk-checkboxes__label" for="gates-1-remove">Remove this gate</label>
                </div>
              </div>
            </div>
            """, boxes);
        Assert.That(PageFields.For(harness.ViewContext.HttpContext).Fields, Is.EqualTo(new[] { ("Input.Gates[1].Description", "gates-1-description"), ("Input.Gates[1].Remove", "gates-1-remove") }));
    }

    [Test]
    public async Task Checkboxes_TickedFromTheModelsList()
    {
        var harness = new TagHelperHarness(new Page { Input = new FormInput { Roles = ["commissioner"] } });
        var html = await harness.RenderAsync(Tag(new CheckboxesTagHelper { For = harness.For("Input.Roles") }, "nhsuk-checkboxes",
            Tag(new LegendTagHelper(), "nhsuk-legend", "Site roles"),
            Tag(new ChoiceTagHelper { Value = "administrator" }, "nhsuk-checkbox", "Administrator"),
            Tag(new ChoiceTagHelper { Value = "commissioner" }, "nhsuk-checkbox", "Commissioner",
                Tag(new ChoiceHintTagHelper(), "nhsuk-item-hint", "Can import tenders"))));

        HtmlAssert.AreEqual("""
            <div class="nhsuk-form-group">
              <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Site roles</legend>
                <div class="nhsuk-checkboxes" data-module="nhsuk-checkboxes">
                  <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id="roles" name="Input.Roles" type="checkbox" value="administrator">
                    <label class="nhsuk-label nhsuk-checkboxes__label" for="roles">Administrator</label>
                  </div>
                  <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id="roles-2" name="Input.Roles" type="checkbox" value="commissioner" checked aria-describedby="roles-2-item-hint">
                    <label class="nhsuk-label nhsuk-checkboxes__label" for="roles-2">Commissioner</label>
                    <div class="nhsuk-hint nhsuk-checkboxes__hint" id="roles-2-item-hint">Can import tenders</div>
                  </div>
                </div>
              </fieldset>
            </div>
            """, html);
    }

    [Test]
    public async Task DateInput_MissingMonth_ShowsTheMonthInErrorAndLinksToIt()
    {
        var harness = new TagHelperHarness(new Page { Stage = new StageForm { NoticesSentOn = new DateInputModel { Day = "14", Year = "2027" } } });
        harness.ModelState.AddModelError("Stage.NoticesSentOn", "The date the award notices were sent must include a month");

        var html = await harness.RenderAsync(Tag(new DateInputTagHelper { For = harness.For("Stage.NoticesSentOn") }, "nhsuk-date-input",
            Tag(new LegendTagHelper(), "nhsuk-legend", "When were the award notices sent?"),
            Tag(new HintTagHelper(), "nhsuk-hint", "For example, 14 3 2027")));

        HtmlAssert.AreEqual("""
            <div class="nhsuk-form-group nhsuk-form-group--error">
              <fieldset class="nhsuk-fieldset" role="group" aria-describedby="stage-notices-sent-on-hint stage-notices-sent-on-error">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">When were the award notices sent?</legend>
                <div class="nhsuk-hint" id="stage-notices-sent-on-hint">For example, 14 3 2027</div>
                <span class="nhsuk-error-message" id="stage-notices-sent-on-error"><span class="nhsuk-u-visually-hidden">Error: </span>The date the award notices were sent must include a month</span>
                <div class="nhsuk-date-input" id="stage-notices-sent-on">
                  <div class="nhsuk-date-input__item"><div class="nhsuk-form-group">
                    <label class="nhsuk-label nhsuk-date-input__label" for="stage-notices-sent-on-day">Day</label>
                    <input class="nhsuk-input nhsuk-input--width-2 nhsuk-date-input__input" id="stage-notices-sent-on-day" name="Stage.NoticesSentOn.Day" type="text" value="14" inputmode="numeric">
                  </div></div>
                  <div class="nhsuk-date-input__item"><div class="nhsuk-form-group nhsuk-form-group--error">
                    <label class="nhsuk-label nhsuk-date-input__label" for="stage-notices-sent-on-month">Month</label>
                    <input class="nhsuk-input nhsuk-input--error nhsuk-input--width-2 nhsuk-date-input__input" id="stage-notices-sent-on-month" name="Stage.NoticesSentOn.Month" type="text" inputmode="numeric">
                  </div></div>
                  <div class="nhsuk-date-input__item"><div class="nhsuk-form-group">
                    <label class="nhsuk-label nhsuk-date-input__label" for="stage-notices-sent-on-year">Year</label>
                    <input class="nhsuk-input nhsuk-input--width-4 nhsuk-date-input__input" id="stage-notices-sent-on-year" name="Stage.NoticesSentOn.Year" type="text" value="2027" inputmode="numeric">
                  </div></div>
                </div>
              </fieldset>
            </div>
            """, html);
        Assert.That(PageFields.For(harness.ViewContext.HttpContext).LinkFor("Stage.NoticesSentOn"), Is.EqualTo("stage-notices-sent-on-month"));
    }

    [Test]
    public async Task DateInput_ARealDateThatBreaksARule_ShowsEveryPartInError()
    {
        var harness = new TagHelperHarness(new Page { Stage = new StageForm { NoticesSentOn = new DateInputModel { Day = "14", Month = "3", Year = "2099" } } });
        harness.ModelState.AddModelError("Stage.NoticesSentOn", "The date the notices were sent must be today or in the past.");
        var html = await harness.RenderAsync(Tag(new DateInputTagHelper { For = harness.For("Stage.NoticesSentOn") }, "nhsuk-date-input", Tag(new LegendTagHelper(), "nhsuk-legend", "Sent")));
        Assert.That(System.Text.RegularExpressions.Regex.Count(html, "nhsuk-input--error"), Is.EqualTo(3));
    }

    [Test]
    public async Task ErrorSummary_FromModelState_InPageOrderLinkedToEachField()
    {
        var harness = new TagHelperHarness(new Page());
        harness.ModelState.AddModelError("Input.Name", "Enter the organisation's name");
        harness.ModelState.AddModelError("Input.Email", "Enter an email address");
        await harness.RenderAsync(Tag(new InputTagHelper { For = harness.For("Input.Email") }, "nhsuk-input", Tag(new LabelTagHelper(), "nhsuk-label", "Email")));
        await harness.RenderAsync(Tag(new InputTagHelper { For = harness.For("Input.Name") }, "nhsuk-input", Tag(new LabelTagHelper(), "nhsuk-label", "Name")));

        var html = await harness.RenderAsync(Tag(new ErrorSummaryTagHelper(), "nhsuk-error-summary"));

        HtmlAssert.AreEqual("""
            <div class="nhsuk-error-summary" data-module="nhsuk-error-summary"><div role="alert">
              <h2 class="nhsuk-error-summary__heading">There is a problem</h2>
              <div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list">
                <li><a href="#email">Enter an email address</a></li>
                <li><a href="#name">Enter the organisation's name</a></li>
              </ul></div>
            </div></div>
            """, html);
        Assert.That(ErrorSummaryTagHelper.Shows(harness.ViewContext), Is.True);
    }

    [Test]
    public async Task ErrorSummary_NoErrors_DrawsNothing()
    {
        var harness = new TagHelperHarness(new Page());
        Assert.Multiple(async () =>
        {
            Assert.That((await harness.RenderAsync(Tag(new ErrorSummaryTagHelper(), "nhsuk-error-summary"))).Trim(), Is.Empty);
            Assert.That(ErrorSummaryTagHelper.Shows(harness.ViewContext), Is.False);
        });
    }

    [Test]
    public async Task Button_WithAPage_IsALinkToIt()
    {
        var harness = new TagHelperHarness();
        var html = await harness.RenderAsync(Tag(new ButtonTagHelper(Urls) { Page = "/Tenders/Import" }, "nhsuk-button", "Import a tender file"));
        HtmlAssert.AreEqual("""<a class="nhsuk-button" data-module="nhsuk-button" href="/Tenders/Import" role="button" draggable="false">Import a tender file</a>""", html);
    }

    [Test]
    public async Task BackLink_WithRouteValues_LinksToThePage()
    {
        var harness = new TagHelperHarness();
        var helper = new BackLinkTagHelper(Urls) { Page = "/Tenders/Tender" };
        helper.RouteValues["id"] = "42";
        var html = await harness.RenderAsync(Tag(helper, "nhsuk-back-link", "Riverside tender"));
        Assert.That(html, Does.Contain("href=\"/Tenders/Tender?id=42\"").And.Contain("Riverside tender"));
    }

    [Test]
    public async Task Attributes_NotTakenByTheHelper_GoOnTheElement_AndAClassJoinsTheComponents()
    {
        var harness = new TagHelperHarness();
        var html = await harness.RenderAsync(Tag(new ButtonTagHelper(Urls) { Variant = "secondary" }, "nhsuk-button", "Take away").With("class", "nhsuk-u-margin-bottom-0").With("data-test", "x"));
        HtmlAssert.AreEqual("""<button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" data-module="nhsuk-button" type="submit" data-test="x">Take away</button>""", html);
    }
}
