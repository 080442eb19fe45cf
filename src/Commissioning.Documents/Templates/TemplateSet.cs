using System.Collections.Concurrent;
using System.Globalization;
using Commissioning.Core.Evaluation;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Commissioning.Documents.Templates;

/// <summary>
/// Every Scriban template of a folder (<c>templates/</c>), parsed once when the set is loaded and
/// kept for the life of the process. A template's name is its file name without
/// <c>.scriban</c>; the last extension before it says how values written into it are escaped:
/// <c>.html</c> escapes HTML, <c>.md</c> escapes Markdown, <c>.txt</c> writes text as it is (the
/// command line escapes control characters itself). Variables are strict: a name that is not
/// in the model stops the rendering with the template's file, line and column. A template can
/// <c>include</c> another of the same set by name (<c>{{ include 'shared-docs/page-start.html' }}</c>):
/// the included template is the one already parsed, it sees the same model, its values are
/// escaped the same way, and it must be of the same output kind.
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
        globals.SetValue("include", IncludeRendered.Instance, readOnly: true);

        var kind = KindOf(name)!.Value;
        var context = new EscapingContext(kind, new SetLoader(_templates, name, kind));
        foreach (var (included, parsed) in _templates)
        {
            // Included templates are the ones parsed when the set was loaded, never parsed again.
            context.CachedTemplates[included] = parsed;
        }

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

    /// <summary>Formatting shared by every template: <c>format.money</c>, <c>format.percent</c>, <c>format.number</c> (the toolkit's one rounding rule, <see cref="Rounding"/>) and <c>format.date</c>.</summary>
    private static readonly ScriptObject Formatting = CreateFormatting();

    private static ScriptObject CreateFormatting()
    {
        var format = new ScriptObject();
        format.Import("money", new Func<decimal, string>(Rounding.Money));
        format.Import("percent", new Func<decimal, string>(Rounding.Percent));
        format.Import("number", new Func<decimal, string>(Rounding.Number));
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

    /// <summary>
    /// Serves <c>include</c> from the set itself: a name is a template of the set (such as
    /// <c>shared-docs/page-start.html</c>) of the same output kind as the template being
    /// rendered, so that its values are escaped for the document they end up in.
    /// </summary>
    private sealed class SetLoader(IReadOnlyDictionary<string, Template> templates, string rendering, OutputKind kind) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (!templates.ContainsKey(templateName))
            {
                throw new ScriptRuntimeException(callerSpan, $"There is no template named '{templateName}' to include. The templates are: {string.Join(", ", templates.Keys.Order(StringComparer.Ordinal))}.");
            }

            if (KindOf(templateName) != kind)
            {
                throw new ScriptRuntimeException(callerSpan, $"'{rendering}' cannot include '{templateName}': a template can include only templates of its own output kind ({Path.GetExtension(rendering)}), so that values are escaped for the document they end up in.");
            }

            return templateName;
        }

        // Every template of the set is already in the context's cache under its name, so Scriban
        // never asks for the text; an empty template here would hide a bug, so say so instead.
        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new ScriptRuntimeException(callerSpan, $"The template '{templatePath}' was not loaded with the set.");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }

    /// <summary>What an included template wrote: its values were escaped as it ran, so it is written as it is.</summary>
    private sealed record Included(string Output);

    /// <summary>
    /// Scriban's <c>include</c>, whose result (the included template's output, already escaped
    /// value by value) is marked so that it is not escaped a second time.
    /// </summary>
    private sealed class IncludeRendered : IScriptCustomFunction
    {
        public static readonly IncludeRendered Instance = new();
        private static readonly Scriban.Functions.IncludeFunction Inner = new();

        public int RequiredParameterCount => Inner.RequiredParameterCount;

        public int ParameterCount => Inner.ParameterCount;

        public ScriptVarParamKind VarParamKind => Inner.VarParamKind;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => Inner.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new Included(Inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? string.Empty);

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new Included(await Inner.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false) as string ?? string.Empty);
    }

    /// <summary>A rendering context that escapes every value a template writes (not the template's own text), and reports unknown names.</summary>
    private sealed class EscapingContext : TemplateContext
    {
        private readonly Func<string, string>? _escape;

        public EscapingContext(OutputKind kind, ITemplateLoader loader)
        {
            _escape = kind switch
            {
                OutputKind.Html => Escape.Html,
                OutputKind.Markdown => Escape.Markdown,
                _ => null,
            };
            TemplateLoader = loader;
            MemberRenamer = Renamer;
            StrictVariables = true;
            EnableRelaxedMemberAccess = false;
            LoopLimit = 100_000;
        }

        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is TrustedHtml trusted)
            {
                return Write(trusted.Html);
            }

            if (textAsObject is Included included)
            {
                // Already escaped value by value while the included template was rendered.
                return Write(included.Output);
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
