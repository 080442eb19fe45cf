using Commissioning.Documents.Templates;

namespace Commissioning.Tests.Documents;

/// <summary>The template engine's rules: parsed once, strict names, values escaped for the output kind, errors with file and line.</summary>
public sealed class TemplateSetTests
{
    private sealed record Model(string Name, decimal Price, IReadOnlyList<string> Items);

    private static TemplateSet Set(params (string Name, string Text)[] templates) =>
        TemplateSet.Parse(templates.Select(t => (t.Name, $"templates/{t.Name}.scriban", t.Text)));

    [Test]
    public void Html_EscapesValues_ButNotTheTemplatesOwnMarkup()
    {
        var set = Set(("page.html", "<p class=\"x\">{{ Name }}</p>"));

        Assert.That(set.Render("page.html", new Model("<script>alert(1)</script> & \"co\"", 1m, [])),
            Is.EqualTo("<p class=\"x\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;</p>"));
    }

    [Test]
    public void Html_WritesTrustedHtmlAsItIs()
    {
        var set = Set(("page.html", "<div>{{ Body }}</div>"));

        Assert.That(set.Render("page.html", new { Body = new TrustedHtml("<em>made by the toolkit</em>") }), Is.EqualTo("<div><em>made by the toolkit</em></div>"));
    }

    [Test]
    public void Markdown_EscapesLinksHeadingsAndTableBars()
    {
        var set = Set(("doc.md", "| {{ Name }} |"));

        Assert.That(set.Render("doc.md", new Model("[click](javascript:x) | # <b>", 1m, [])), Is.EqualTo(@"| \[click\]\(javascript:x\) \| \# \<b\> |"));
    }

    [Test]
    public void Text_WritesValuesAsTheyAre()
    {
        var set = Set(("line.txt", "{{ Name }}: {{ format.money Price }}"));

        Assert.That(set.Render("line.txt", new Model("A & B", 1234.5m, [])), Is.EqualTo("A & B: £1,234.50"));
    }

    [Test]
    public void Loops_AndTheSharedFormatting_Work()
    {
        var set = Set(("list.txt", "{{ for item in Items }}{{ item }};{{ end }} {{ format.percent 12.345 }}"));

        Assert.That(set.Render("list.txt", new Model("x", 0m, ["a", "b"])), Is.EqualTo("a;b; 12.35%"));
    }

    [Test]
    public void AMisspelledVariable_StopsTheRendering_NamingTheFileAndLine()
    {
        var set = Set(("page.html", "<p>\n{{ Nmae }}</p>"));

        var error = Assert.Throws<TemplateException>(() => set.Render("page.html", new Model("x", 0m, [])));
        Assert.That(error!.Message, Does.Contain("templates/page.html.scriban(2,4)").And.Contain("Nmae"));
    }

    [Test]
    public void AMisspelledMember_StopsTheRendering()
    {
        var set = Set(("page.txt", "{{ for i in Items }}{{ i.Lenght }}{{ end }}"));

        Assert.Throws<TemplateException>(() => set.Render("page.txt", new Model("x", 0m, ["a"])));
    }

    [Test]
    public void ASyntaxError_IsReportedWhenTheSetIsLoaded_WithFileAndLine()
    {
        var error = Assert.Throws<TemplateException>(() => Set(("ok.txt", "fine"), ("broken.html", "line one\n{{ if }}")));

        Assert.That(error!.Message, Does.Contain("templates/broken.html.scriban(2,"));
    }

    [Test]
    public void ATemplateWithoutAnOutputKind_IsRefused()
    {
        var error = Assert.Throws<TemplateException>(() => Set(("report", "x")));

        Assert.That(error!.Message, Does.Contain("must end in .html.scriban, .md.scriban or .txt.scriban"));
    }

    [Test]
    public void AnUnknownTemplateName_ListsTheTemplates()
    {
        var error = Assert.Throws<TemplateException>(() => Set(("a.txt", "x")).Render("b.txt", new { }));

        Assert.That(error!.Message, Is.EqualTo("There is no template named 'b.txt'. The templates are: a.txt."));
    }

    [Test]
    public void Include_APartialOfTheSet_IsRenderedWithTheSameModelAndEscaping()
    {
        var set = Set(("shared/head.html", "<title>{{ Name }}</title>"), ("page.html", "{{ include 'shared/head.html' }}<p>{{ Name }}</p>"));

        Assert.That(set.Render("page.html", new Model("<b>A & B</b>", 0m, [])),
            Is.EqualTo("<title>&lt;b&gt;A &amp; B&lt;/b&gt;</title><p>&lt;b&gt;A &amp; B&lt;/b&gt;</p>"));
    }

    [Test]
    public void Include_AnUnknownName_StopsTheRendering_NamingTheFileAndLineAndTheTemplates()
    {
        var set = Set(("page.html", "line one\n{{ include 'shared/missing.html' }}"));

        var error = Assert.Throws<TemplateException>(() => set.Render("page.html", new Model("x", 0m, [])));
        Assert.That(error!.Message, Does.Contain("templates/page.html.scriban(2,").And.Contain("no template named 'shared/missing.html'").And.Contain("The templates are: page.html."));
    }

    [Test]
    public void Include_AMisspelledVariableInThePartial_NamesThePartialsFileAndLine()
    {
        var set = Set(("shared/foot.html", "<p>\n{{ Nmae }}</p>"), ("page.html", "{{ include 'shared/foot.html' }}"));

        var error = Assert.Throws<TemplateException>(() => set.Render("page.html", new Model("x", 0m, [])));
        Assert.That(error!.Message, Does.Contain("templates/shared/foot.html.scriban(2,4)").And.Contain("Nmae"));
    }

    [Test]
    public void Include_WritesTheIncludedTemplatesValues_EscapedOnceForTheIncludingOutput()
    {
        var set = Set(("shared/part.txt", "{{~ func shout(x) }}<b>{{ x }}</b>{{ end ~}}<i>{{ Name }}</i>"), ("page.html", "<p>{{ include 'shared/part.txt' }} {{ shout Name }}</p>"));

        Assert.That(set.Render("page.html", new Model("<x> & y", 0m, [])), Is.EqualTo("<p><i>&lt;x&gt; &amp; y</i> <b>&lt;x&gt; &amp; y</b></p>"));
    }

    [Test]
    public void Include_OfATemplateNotInTheSet_StopsTheRendering_NamingIt()
    {
        var set = Set(("page.html", "<p>{{ include 'missing.html' }}</p>"));

        var error = Assert.Throws<TemplateException>(() => set.Render("page.html", new Model("x", 0m, [])));
        Assert.That(error!.Message, Does.Contain("missing.html"));
    }

    [Test]
    public void Text_EscapesLineBreaksInValues_SoAValueCannotStartALineOfItsOwn()
    {
        var set = Set(("line.txt", "Provider: {{ Name }}\nnext"));

        Assert.That(set.Render("line.txt", new Model("A\nFAKE LINE\u001b[2J", 0m, [])), Is.EqualTo("Provider: A\\nFAKE LINE\\u001B[2J\nnext"));
    }

    [Test]
    public void ShortOf_ShowsAShortfallThatRoundingWouldHide()
    {
        var set = Set(("line.txt", "{{ format.short_of 49.996 50 }} {{ format.short_of 45 50 }}"));

        Assert.That(set.Render("line.txt", new Model("x", 0m, [])), Is.EqualTo("49.996 45"));
    }
}
