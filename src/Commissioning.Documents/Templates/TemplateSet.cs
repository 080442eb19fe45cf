using System.Collections.Concurrent;
using System.Globalization;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Commissioning.Documents.Templates;

/// <summary>
/// Every Scriban template of a folder (<c>templates/</c>), parsed once when the set is loaded and
/// kept for the life of the process. A template's name is its file name without
/// <c>.scriban</c>; the last extension before it says how values written into it are escaped:
/// <c>.html</c> escapes HTML, <c>.md</c> escapes Markdown, <c>.txt</c> escapes control characters
/// and line breaks (<see cref="TextRules.Escape"/>), so that a value cannot start a line of its own
/// in text the command line prints line by line. Variables are strict: a name that is not
/// in the model stops the rendering with the template's file, line and column. A template may
/// include another of the set by its name (<c>{{ include 'shared/page-start.html' }}</c>); the
/// included template is the one parsed when the set was loaded, and writes its values escaped for
/// the including template's output.
/// </summary>
public sealed class TemplateSet
{
    private readonly IReadOnlyDictionary<string, Template> _templates;
    private readonly ConcurrentDictionary<Type, bool> _checkedModels = new();

    private TemplateSet(IReadOnlyDictionary<string, Template> templates) => _templates = templates;

    /// <summary>The names of the templates, such as <c>evaluation-report.html</c>.</summary>
    public IEnumerable<string> Names => _templates.Keys.Order(StringComparer.Ordinal);

    private static readonly Lazy<TemplateSet> ShippedSet = new(() => Load(Path.Combine(AppContext.BaseDirectory, "templates")));

    /// <summary>The templates shipped with the toolkit (<c>templates/</c> beside the build output), parsed on first use and kept.</summary>
    public static TemplateSet Shipped => ShippedSet.Value;

    /// <summary>Parses every <c>*.scriban</c> file under <paramref name="folder"/>, or throws <see cref="TemplateException"/> listing every problem.</summary>
    public static TemplateSet Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new TemplateException($"The templates folder '{folder}' does not exist.");
        }

        var sources = Directory.EnumerateFiles(folder, "*.scriban", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetRelativePath(folder, path)[..^".scriban".Length].Replace('\\', '/'), Path: path, Text: File.ReadAllText(path)));
        return Parse(sources);
    }

    /// <summary>Parses templates given as (name, path for messages, text).</summary>
    public static TemplateSet Parse(IEnumerable<(string Name, string Path, string Text)> sources)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, path, text) in sources)
        {
            if (KindOf(name) is null)
            {
                problems.Add($"{path}: the name must end in .html.scriban, .md.scriban or .txt.scriban so that its output is escaped the right way.");
                continue;
            }

            var template = Template.Parse(text, path);
            if (template.HasErrors)
            {
                problems.AddRange(template.Messages.Select(m => m.ToString()));
                continue;
            }

            templates[name] = template;
        }

        return problems.Count == 0 ? new TemplateSet(templates) : throw new TemplateException(string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Renders the template <paramref name="name"/> (such as <c>evaluation-report.html</c>) with
    /// <paramref name="model"/>, whose public properties are the template's variables under their
    /// C# names. A variable or member the model lacks throws <see cref="TemplateException"/> with
    /// the template's file, line and column.
    /// </summary>
    public string Render(string name, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new TemplateException($"There is no template named '{name}'. The templates are: {string.Join(", ", Names)}.");
        }

        var globals = new ScriptObject();
        globals.Import(model, renamer: Renamer);
        globals.SetValue("format", Formatting, readOnly: true);
        globals.SetValue("include", Include, readOnly: true);

        var context = KindOf(name) switch
        {
            OutputKind.Html => new EscapingContext(Escape.Html, numbersAsTheyAre: false, _templates),
            OutputKind.Markdown => new EscapingContext(Escape.Markdown, numbersAsTheyAre: true, _templates),
            _ => new EscapingContext(TextRules.Escape, numbersAsTheyAre: true, _templates),
        };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new TemplateException(ex.Message, ex);
        }
    }

    private static readonly MemberRenamerDelegate Renamer = member => member.Name;

    private static readonly IncludeRendered Include = new();

    /// <summary>Formatting shared by every template: <c>format.money</c>, <c>format.percent</c>, <c>format.number</c> (the toolkit's one rounding rule, <see cref="Rounding"/>) and <c>format.date</c>.</summary>
    private static readonly ScriptObject Formatting = CreateFormatting();

    private static ScriptObject CreateFormatting()
    {
        var format = new ScriptObject();
        format.Import("money", new Func<decimal, FormattedNumber>(v => new(Rounding.Money(v))));
        format.Import("percent", new Func<decimal, FormattedNumber>(v => new(Rounding.Percent(v))));
        format.Import("number", new Func<decimal, FormattedNumber>(v => new(Rounding.Number(v))));
        format.Import("short_of", new Func<decimal, decimal, FormattedNumber>((v, limit) => new(Rounding.ShortOf(v, limit))));
        format.Import("date", new Func<DateOnly, string>(d => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))));
        format.Import("datetime", new Func<DateTimeOffset, string>(d => d.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB"))));
        return format;
    }

    private enum OutputKind
    {
        Html,
        Markdown,
        Text,
    }

    private static OutputKind? KindOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => OutputKind.Html,
        ".md" => OutputKind.Markdown,
        ".txt" => OutputKind.Text,
        _ => null,
    };

    /// <summary>A rendering context that escapes every value a template writes (not the template's own text), and reports unknown names.</summary>
    private sealed class EscapingContext : TemplateContext
    {
        private readonly Func<string, string>? _escape;

        private readonly bool _numbersAsTheyAre;

        public EscapingContext(Func<string, string>? escape, bool numbersAsTheyAre, IReadOnlyDictionary<string, Template> templates)
        {
            _escape = escape;
            _numbersAsTheyAre = numbersAsTheyAre;

            // Includes are found by name among the templates already parsed, never read again.
            TemplateLoader = new SetLoader(templates);
            foreach (var (name, template) in templates)
            {
                CachedTemplates[name] = template;
            }

            MemberRenamer = Renamer;
            StrictVariables = true;
            EnableRelaxedMemberAccess = false;
            // A guard against a runaway loop, not a cap on real documents: Scriban counts the steps
            // of nested loops together, and an ICS-scale report (40 bids, 200 questions, 10
            // evaluators) takes several hundred thousand.
            LoopLimit = 20_000_000;

            // Scriban cuts text longer than 1 MB by default ("..."); an ICS-scale report is longer,
            // and a document must never be cut short without saying so.
            LimitToString = 0;
        }

        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is TrustedHtml trusted)
            {
                return Write(trusted.Html);
            }

            if (textAsObject is RenderedText rendered)
            {
                return Write(rendered.Text);
            }

            // A number the toolkit formatted holds only digits, separators, signs, % and £: it
            // needs no Markdown escaping (which would litter a document with "72\.26").
            if (textAsObject is FormattedNumber number && _numbersAsTheyAre)
            {
                return Write(number.Text);
            }

            if (_escape is null || textAsObject is null)
            {
                return base.Write(span, textAsObject!);
            }

            var text = ObjectToString(textAsObject) ?? string.Empty;
            return Write(_escape(text));
        }
    }
}

/// <summary>A number, percentage or sum of money formatted by the toolkit's rounding rule (<c>format.*</c>).</summary>
internal sealed record FormattedNumber(string Text)
{
    public override string ToString() => Text;
}

/// <summary>What an included template wrote: its values were escaped as it wrote them, so it is written as it is.</summary>
internal sealed record RenderedText(string Text)
{
    public override string ToString() => Text;
}

/// <summary>
/// Scriban's <c>include</c>, returning what the included template wrote as <see cref="RenderedText"/>
/// so that it is not escaped a second time (the built-in one returns a plain string).
/// </summary>
internal sealed class IncludeRendered : IScriptCustomFunction
{
    private readonly Scriban.Functions.IncludeFunction _include = new();

    public int RequiredParameterCount => _include.RequiredParameterCount;

    public int ParameterCount => _include.ParameterCount;

    public ScriptVarParamKind VarParamKind => _include.VarParamKind;

    public Type ReturnType => typeof(RenderedText);

    public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);

    public object Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new RenderedText(_include.Invoke(context, callerContext, arguments, blockStatement)?.ToString() ?? string.Empty);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult<object?>(Invoke(context, callerContext, arguments, blockStatement));
}

/// <summary>Finds an included template by its name in the set; the set's parsed templates are already in the context's cache.</summary>
internal sealed class SetLoader(IReadOnlyDictionary<string, Template> templates) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        templates.ContainsKey(templateName)
            ? templateName
            : throw new ScriptRuntimeException(callerSpan, $"There is no template named '{templateName}' to include. The templates are: {string.Join(", ", templates.Keys.Order(StringComparer.Ordinal))}.");

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"The template '{templatePath}' was not parsed with the set.");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}

/// <summary>HTML the toolkit made itself (for example rule text through SafeMarkdown), written into an HTML template without escaping.</summary>
public sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}

/// <summary>A template that cannot be parsed or rendered; the message names the file, line and column.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TemplateException()
    {
    }
}
