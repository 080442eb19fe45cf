using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Commissioning.Core.Conditions;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Commissioning.Core.Standards;

/// <summary>
/// Turns the standards files into a <see cref="StandardsCatalogue"/>. The format is described in
/// docs/standards-format.md. Every problem in every file is collected, each with the file and
/// line, and reported together.
/// </summary>
public static partial class StandardsParser
{
    private const string KindRuleSet = "ruleset";
    private const string KindSources = "sources";
    private const string KindGlossary = "glossary";

    private static readonly string[] RuleSetFrontMatterKeys = ["kind", "id", "title", "order", "summary"];

    // Field labels, lower-cased, as they appear in the fields list of a requirement.
    private const string FieldStrength = "strength";
    private const string FieldEvaluation = "evaluated as";
    private const string FieldAppliesWhen = "applies when";
    private const string FieldEssentialWhen = "essential when";
    private const string FieldMaturity = "maturity";
    private const string FieldAsk = "ask providers";
    private const string FieldEvidence = "evidence";
    private const string FieldGuideQuestion = "guide question";
    private const string FieldSource = "source";
    private const string FieldDutyOf = "duty of";
    private const string FieldJudgement = "toolkit judgement";

    private static readonly string[] RequiredFields = [FieldStrength, FieldEvaluation, FieldAppliesWhen, FieldMaturity, FieldAsk, FieldEvidence, FieldSource];
    private static readonly string[] KnownFields = [.. RequiredFields, FieldEssentialWhen, FieldGuideQuestion, FieldDutyOf, FieldJudgement];

    /// <summary>The fields a toolkit judgement can mark, by the words the files use for them.</summary>
    private static readonly (string Words, JudgedField Field)[] JudgeableFields =
    [
        (FieldStrength, JudgedField.Strength),
        (FieldEvaluation, JudgedField.EvaluatedAs),
        (FieldAppliesWhen, JudgedField.AppliesWhen),
        (FieldEssentialWhen, JudgedField.EssentialWhen),
        (FieldMaturity, JudgedField.Maturity),
    ];
    private static readonly string[] SourceFields = ["title", "publisher", "published", "sections"];
    private static readonly string[] GlossaryFields = ["stands for"];

    [GeneratedRegex(@"^(?<id>[A-Z]{2,4}-\d{2})\s+(?<title>\S.*)$")]
    private static partial Regex RequirementHeading();

    [GeneratedRegex(@"^(?<id>GQ-\d{2})\s+(?<text>\S.*)$")]
    private static partial Regex GuideQuestionPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex RuleSetId();

    /// <summary>Loads the files, or throws <see cref="StandardsLoadException"/> listing every problem.</summary>
    /// <param name="files">The files' names and text.</param>
    /// <param name="folder">The folder they came from, named in a problem with the folder as a whole.</param>
    public static StandardsCatalogue Load(IEnumerable<StandardsFile> files, string? folder = null)
    {
        var (catalogue, errors) = TryLoad(files, folder);
        return errors.Count == 0 ? catalogue! : throw new StandardsLoadException(errors);
    }

    /// <summary>Loads the files, returning the catalogue (when there are no errors) and every problem found.</summary>
    /// <param name="files">The files' names and text.</param>
    /// <param name="folder">The folder they came from, named in a problem with the folder as a whole.</param>
    public static (StandardsCatalogue? Catalogue, IReadOnlyList<StandardsError> Errors) TryLoad(IEnumerable<StandardsFile> files, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<StandardsError>();
        var ruleSets = new List<(RuleSet RuleSet, List<PendingSource> Sources)>();
        var sources = new List<SourceDocument>();
        var glossary = new List<GlossaryTerm>();
        var fileList = files.OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();
        var ruleSetFiles = 0;
        var unreadFiles = 0;
        string? glossaryFile = null;

        foreach (var file in fileList)
        {
            var context = new FileContext(file, errors);
            var document = ParseMarkdown(context);
            if (document is null)
            {
                unreadFiles++;
                continue;
            }

            if (!CheckMarkdown(document, context))
            {
                unreadFiles++;
                continue;
            }

            var frontMatter = ReadFrontMatter(document, context);
            if (frontMatter is null)
            {
                unreadFiles++;
                continue;
            }

            switch (frontMatter.Get("kind"))
            {
                case KindRuleSet:
                    ruleSetFiles++;
                    var parsed = ParseRuleSet(document, frontMatter, context);
                    if (parsed is not null)
                    {
                        ruleSets.Add(parsed.Value);
                    }

                    break;
                case KindSources:
                    frontMatter.RejectUnknownKeys(["kind"]);
                    sources.AddRange(ParseSources(document, context));
                    break;
                case KindGlossary:
                    glossaryFile ??= file.FileName;
                    frontMatter.RejectUnknownKeys(["kind"]);
                    glossary.AddRange(ParseGlossary(document, context));
                    break;
                case null:
                    context.Error(frontMatter.Line, "The front matter has no 'kind'. Use ruleset, sources or glossary.");
                    break;
                default:
                    context.Error(frontMatter.LineOf("kind"), $"Unknown kind '{frontMatter.Get("kind")}'. Use ruleset, sources or glossary.");
                    break;
            }
        }

        if (ruleSetFiles == 0 && unreadFiles == 0)
        {
            // Said of the folder, not of a file and line: there is no file to point at.
            var where = string.IsNullOrWhiteSpace(folder) ? "the standards folder" : folder;
            errors.Add(new StandardsError(where, 0,
                $"No rule set files found in {where}. Each rule set is a Markdown file (.md) whose front matter says 'kind: ruleset'."));
        }

        CheckAcrossFiles(ruleSets, sources, glossary, glossaryFile, errors);

        var ordered = errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        return ordered.Count == 0
            ? (new StandardsCatalogue([.. ruleSets.Select(r => r.RuleSet)], sources, glossary), ordered)
            : (null, ordered);
    }

    /// <summary>
    /// Parses a file with the checking pipeline, or reports it and returns null when the Markdown
    /// reader refuses it. Markdig throws an <see cref="ArgumentException"/> without a line when
    /// quotes, lists or brackets are nested past its depth limit; the line is found by parsing
    /// ever shorter beginnings of the file.
    /// </summary>
    private static MarkdownDocument? ParseMarkdown(FileContext context)
    {
        // Markdig slows down badly on deeply nested lists before it gives up (a 2,000-level list
        // took about half a minute), so obvious cases are caught by a quick scan first.
        if (FirstOverNestedLine(context.Text) is { } deepLine)
        {
            context.Error(deepLine, TooDeeplyNested);
            return null;
        }

        if (TryParse(context.Text) is { } document)
        {
            return document;
        }

        var lines = context.Text.Split('\n');
        var low = 1;
        var high = lines.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (TryParse(string.Join('\n', lines, 0, middle)) is null)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        context.Error(low, TooDeeplyNested);
        return null;

        static MarkdownDocument? TryParse(string text)
        {
            try
            {
                return Markdig.Markdown.Parse(text, SafeMarkdown.CheckingPipeline);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }

    private const string TooDeeplyNested =
        "The Markdown is nested too deeply to read: quotes, lists or brackets sit inside one another too many levels deep by this line. Rule set files need only a few levels; flatten this part.";

    /// <summary>How deeply quotes and lists may nest before the quick scan refuses a file; real files use two or three.</summary>
    private const int MaximumNesting = 64;

    /// <summary>
    /// A quick, forgiving estimate of how deeply quotes and lists nest on each line: quote markers
    /// at the start of the line, plus the open list items whose markers sit at a smaller
    /// indentation. Returns the 1-based line where the estimate first passes
    /// <see cref="MaximumNesting"/>, or null. It may underestimate (Markdig's own limit then
    /// applies) but does not overestimate ordinary Markdown.
    /// </summary>
    internal static int? FirstOverNestedLine(string text)
    {
        var openItems = new Stack<int>();
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            var position = 0;
            var column = 0;
            var quotes = 0;
            while (true)
            {
                var start = position;
                while (position < line.Length && position - start < 4 && line[position] == ' ')
                {
                    position++;
                }

                if (position < line.Length && line[position] == '>')
                {
                    quotes++;
                    position++;
                    continue;
                }

                while (position < line.Length && line[position] is ' ' or '\t')
                {
                    position++;
                }

                column = position;
                break;
            }

            var markers = new List<int>();
            while (position < line.Length)
            {
                var markerColumn = position;
                var end = position;
                if (line[end] is '-' or '*' or '+')
                {
                    end++;
                }
                else
                {
                    while (end < line.Length && end - position < 9 && char.IsAsciiDigit(line[end]))
                    {
                        end++;
                    }

                    if (end == position || end >= line.Length || line[end] is not ('.' or ')'))
                    {
                        break;
                    }

                    end++;
                }

                if (end >= line.Length || line[end] is not (' ' or '\t'))
                {
                    break;
                }

                markers.Add(markerColumn);
                position = end;
                while (position < line.Length && line[position] is ' ' or '\t')
                {
                    position++;
                }
            }

            var indent = markers.Count > 0 ? markers[0] : column;
            while (openItems.Count > 0 && openItems.Peek() >= indent)
            {
                openItems.Pop();
            }

            foreach (var marker in markers)
            {
                openItems.Push(marker);
            }

            if (quotes + openItems.Count > MaximumNesting)
            {
                return lineNumber;
            }
        }

        return null;
    }

    /// <summary>
    /// Refuses raw HTML (the site would show it as text) and code blocks that are never closed.
    /// Returns false when a code block is left open: everything after it is then code, so the
    /// rest of the file cannot be checked meaningfully.
    /// </summary>
    private static bool CheckMarkdown(MarkdownDocument document, FileContext context)
    {
        foreach (var block in document.Descendants<HtmlBlock>())
        {
            var first = block.Lines.Count > 0 ? block.Lines.Lines[0].ToString().Trim() : "HTML";
            context.Error(block.Line + 1, $"Raw HTML is not allowed in a standards file, but this line starts an HTML block ('{Shorten(first)}'). Write it in Markdown instead.");
        }

        // One message a line, naming the first tag on it.
        foreach (var inline in document.Descendants<HtmlInline>().GroupBy(i => i.Line).Select(g => g.First()))
        {
            var tag = inline.Tag.ReplaceLineEndings(" ");
            context.Error(inline.Line + 1, $"Raw HTML is not allowed in a standards file, but this line has the HTML tag '{Shorten(tag)}'. Write it in Markdown instead.");
        }

        var open = document.Descendants<FencedCodeBlock>().Where(f => f.ClosingFencedCharCount == 0).ToList();
        foreach (var fence in open)
        {
            var marker = new string(fence.FencedChar, fence.OpeningFencedCharCount);
            context.Error(fence.Line + 1, $"The code block that starts here with {marker} is never closed, so the rest of the file would be read as code. Add a line with {marker} where the code ends.");
        }

        return open.Count == 0;
    }

    private sealed record PendingSource(SourceReference Reference, string File, int Line, string RequirementId);

    private sealed class FileContext(StandardsFile file, List<StandardsError> errors)
    {
        public string Name => file.FileName;

        public string Text => file.Text;

        public int ErrorCount { get; private set; }

        public void Error(int line, string message)
        {
            ErrorCount++;
            errors.Add(new StandardsError(file.FileName, line, message));
        }

        /// <summary>The Markdown source of a run of blocks, exactly as written.</summary>
        public string Slice(List<Block> blocks)
        {
            if (blocks.Count == 0)
            {
                return string.Empty;
            }

            var start = blocks[0].Span.Start;
            var end = blocks[^1].Span.End;
            return Text[start..(end + 1)].Trim();
        }
    }

    private sealed class FrontMatter(int line, Dictionary<string, (string Value, int Line)> values, FileContext context)
    {
        public int Line { get; } = line;

        public string? Get(string key) => values.TryGetValue(key, out var v) ? v.Value : null;

        public int LineOf(string key) => values.TryGetValue(key, out var v) ? v.Line : Line;

        public void RejectUnknownKeys(IReadOnlyCollection<string> allowed)
        {
            foreach (var (key, (_, keyLine)) in values)
            {
                if (!allowed.Contains(key))
                {
                    context.Error(keyLine, $"Unknown front matter key '{key}'. Allowed keys: {string.Join(", ", allowed)}.");
                }
            }
        }

        public string? Require(string key, string what)
        {
            var value = Get(key);
            if (string.IsNullOrWhiteSpace(value))
            {
                context.Error(Line, $"The front matter has no '{key}' ({what}).");
                return null;
            }

            return value;
        }
    }

    private static FrontMatter? ReadFrontMatter(MarkdownDocument document, FileContext context)
    {
        var yaml = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (yaml is null)
        {
            context.Error(1, "The file has no front matter. Start it with a '---' block that gives at least 'kind'.");
            return null;
        }

        var values = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var lines = yaml.Lines.Lines.Take(yaml.Lines.Count).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].ToString();
            var line = lines[i].Line + 1;
            if (string.IsNullOrWhiteSpace(text) || text.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                context.Error(line, $"Front matter lines must be 'key: value', but this line is '{text.Trim()}'.");
                continue;
            }

            var key = text[..colon].Trim();
            var value = Unquote(text[(colon + 1)..].Trim());
            if (!values.TryAdd(key, (value, line)))
            {
                context.Error(line, $"The front matter key '{key}' appears more than once.");
            }
        }

        return new FrontMatter(yaml.Line + 1, values, context);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\''))
            ? value[1..^1]
            : value;

    private static (RuleSet, List<PendingSource>)? ParseRuleSet(MarkdownDocument document, FrontMatter frontMatter, FileContext context)
    {
        var errorsBefore = context.ErrorCount;
        frontMatter.RejectUnknownKeys(RuleSetFrontMatterKeys);
        var id = frontMatter.Require("id", "the rule set's id, such as 'staffing'");
        var title = frontMatter.Require("title", "the rule set's title");
        var summary = frontMatter.Require("summary", "a one-sentence summary");
        var orderText = frontMatter.Require("order", "its position in the guide, a whole number");
        var order = 0;
        if (id is not null && !RuleSetId().IsMatch(id))
        {
            context.Error(frontMatter.LineOf("id"), $"The id '{id}' must be lower-case words joined by hyphens, such as 'early-return-to-work'.");
        }

        if (orderText is not null && (!int.TryParse(orderText, NumberStyles.None, CultureInfo.InvariantCulture, out order) || order < 1))
        {
            context.Error(frontMatter.LineOf("order"), $"The order '{orderText}' must be a whole number of 1 or more.");
        }

        var blocks = document.Where(b => b is not YamlFrontMatterBlock).ToList();
        var headingOne = blocks.OfType<HeadingBlock>().Where(h => h.Level == 1).ToList();
        if (headingOne.Count == 0)
        {
            context.Error(frontMatter.Line, "The file has no level-1 heading ('# Title').");
        }
        else if (headingOne.Count > 1)
        {
            context.Error(headingOne[1].Line + 1, "The file has more than one level-1 heading; only the title may be a level-1 heading.");
        }

        var requirements = new List<Requirement>();
        var pendingSources = new List<PendingSource>();
        var introduction = new List<Block>();
        HeadingBlock? current = null;
        var section = new List<Block>();

        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: 1 } h1)
            {
                if (current is not null)
                {
                    context.Error(h1.Line + 1, "The level-1 heading must come before the first requirement.");
                }

                continue;
            }

            if (block is HeadingBlock { Level: 2 } h2)
            {
                if (current is not null)
                {
                    AddRequirement(current, section);
                }

                current = h2;
                section = [];
                continue;
            }

            if (block is HeadingBlock deeper)
            {
                context.Error(deeper.Line + 1, $"Level-{deeper.Level} headings are not allowed. Each requirement is a level-2 heading; put sub-points in its statement as paragraphs or a list.");
                continue;
            }

            if (current is null)
            {
                introduction.Add(block);
            }
            else
            {
                section.Add(block);
            }
        }

        if (current is not null)
        {
            AddRequirement(current, section);
        }

        if (requirements.Count == 0 && context.ErrorCount == errorsBefore)
        {
            context.Error(frontMatter.Line, "The rule set has no requirements. Each requirement is a level-2 heading such as '## GOV-01 Clinical governance systems'.");
        }

        if (context.ErrorCount > errorsBefore || id is null || title is null || summary is null)
        {
            return null;
        }

        var ruleSet = new RuleSet
        {
            Id = id,
            Title = title,
            Order = order,
            Summary = summary,
            Introduction = context.Slice(introduction),
            Requirements = requirements,
            FileName = context.Name,
        };
        return (ruleSet, pendingSources);

        void AddRequirement(HeadingBlock heading, List<Block> body)
        {
            var requirement = ParseRequirement(heading, body, id ?? string.Empty, context, pendingSources);
            if (requirement is not null)
            {
                requirements.Add(requirement);
            }
        }
    }

    private static Requirement? ParseRequirement(HeadingBlock heading, List<Block> body, string ruleSetId, FileContext context, List<PendingSource> pendingSources)
    {
        var line = heading.Line + 1;
        var headingText = InlineText(heading.Inline).Trim();
        var match = RequirementHeading().Match(headingText);
        if (!match.Success)
        {
            context.Error(line, $"The heading '{headingText}' must start with a requirement id and then a title, such as '## GOV-03 Evidence-based guidelines'. Ids are two to four capital letters, a hyphen and two digits.");
            return null;
        }

        var id = match.Groups["id"].Value;
        var title = match.Groups["title"].Value.Trim();
        if (body.Count == 0 || body[^1] is not ListBlock fieldList)
        {
            context.Error(line, $"{id} has no list of fields. End each requirement with a bullet list: Strength, Evaluated as, Applies when, Maturity, Ask providers, Evidence and Source.");
            return null;
        }

        var statementBlocks = body.Take(body.Count - 1).ToList();
        if (statementBlocks.Count == 0)
        {
            context.Error(line, $"{id} has no statement. Write at least one paragraph saying what is expected before the list of fields.");
        }

        var errorsBefore = context.ErrorCount;
        var fields = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var judgementItems = new List<(string Value, int Line)>();
        foreach (var item in fieldList.OfType<ListItemBlock>())
        {
            var itemLine = item.Line + 1;
            var text = string.Join(" ", item.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline))).Trim();
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                context.Error(itemLine, $"In {id}, each field must be 'Label: value', but this item is '{Shorten(text)}'.");
                continue;
            }

            var label = text[..colon].Trim();
            var key = label.ToLowerInvariant();
            var value = text[(colon + 1)..].Trim();
            if (!KnownFields.Contains(key))
            {
                context.Error(itemLine, $"Unknown field '{label}' in {id}. Known fields: Strength, Evaluated as, Applies when, Essential when, Maturity, Ask providers, Evidence, Guide question, Source, Duty of, Toolkit judgement.");
                continue;
            }

            if (value.Length == 0)
            {
                context.Error(itemLine, $"The field '{label}' in {id} is empty.");
                continue;
            }

            if (key == FieldJudgement)
            {
                judgementItems.Add((value, itemLine));
                continue;
            }

            if (!fields.TryAdd(key, (value, itemLine)))
            {
                context.Error(itemLine, $"The field '{label}' appears more than once in {id}.");
            }
        }

        foreach (var required in RequiredFields.Where(r => !fields.ContainsKey(r)))
        {
            context.Error(line, required switch
            {
                FieldAsk => $"{id} has no question to providers. Add an 'Ask providers' field.",
                FieldEvidence => $"{id} has no 'Evidence' field saying what answers the question.",
                FieldSource => $"{id} has no 'Source' field naming the document and section it comes from.",
                _ => $"{id} has no '{Capitalise(required)}' field.",
            });
        }

        var strength = ParseField(fields, FieldStrength, id, context, ParseStrength, "Unknown strength '{0}' in {1}. Use must, should, good practice or optional.");
        var evaluation = ParseField(fields, FieldEvaluation, id, context, ParseEvaluation, "Unknown evaluation '{0}' in {1}. Use gate, scored or information.");
        var maturity = ParseField(fields, FieldMaturity, id, context, ParseMaturity, "Unknown maturity level '{0}' in {1}. Use core, transformative or exemplary.");
        var applies = ParseConditionField(fields, FieldAppliesWhen, id, context);
        var essential = ParseConditionField(fields, FieldEssentialWhen, id, context);

        string? question = null;
        if (fields.TryGetValue(FieldAsk, out var ask))
        {
            question = ask.Value;
            if (!question.EndsWith('?'))
            {
                context.Error(ask.Line, $"The question to providers in {id} must end with a question mark.");
            }
        }

        var evidence = new List<string>();
        if (fields.TryGetValue(FieldEvidence, out var evidenceField))
        {
            evidence.AddRange(evidenceField.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        GuideQuestion? guideQuestion = null;
        if (fields.TryGetValue(FieldGuideQuestion, out var gq))
        {
            var gqMatch = GuideQuestionPattern().Match(gq.Value);
            if (gqMatch.Success)
            {
                guideQuestion = new GuideQuestion(gqMatch.Groups["id"].Value, gqMatch.Groups["text"].Value.Trim());
            }
            else
            {
                context.Error(gq.Line, $"The guide question in {id} must start with its id, such as 'GQ-04', and then the question.");
            }
        }

        var sources = new List<SourceReference>();
        if (fields.TryGetValue(FieldSource, out var sourceField))
        {
            foreach (var part in sourceField.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var section = part.IndexOf('§', StringComparison.Ordinal);
                if (section <= 0 || section == part.Length - 1)
                {
                    context.Error(sourceField.Line, $"The source '{part}' in {id} must be 'KEY § Section', such as 'COHS-2023 § Staffing requirements'.");
                    continue;
                }

                var reference = new SourceReference(part[..section].Trim(), part[(section + 1)..].Trim());
                sources.Add(reference);
                pendingSources.Add(new PendingSource(reference, context.Name, sourceField.Line, id));
            }
        }

        if (strength is not null && evaluation == EvaluationMethod.Gate && strength != Strength.Must)
        {
            context.Error(fields[FieldEvaluation].Line, $"{id} is a gate but its strength is '{Words(strength.Value)}'. A gate disqualifies bids, so only a 'must' requirement can be a gate.");
        }

        var dutyOf = DutyHolder.Provider;
        if (fields.TryGetValue(FieldDutyOf, out var duty))
        {
            switch (duty.Value.Trim().ToLowerInvariant())
            {
                case "provider":
                    break;
                case "commissioner":
                    dutyOf = DutyHolder.Commissioner;
                    if (evaluation is not null and not EvaluationMethod.Information)
                    {
                        context.Error(fields[FieldEvaluation].Line, $"{id} is a duty of the commissioner, so it cannot be scored or pass or fail against providers. Make it 'Evaluated as: information'.");
                    }

                    if (fields.TryGetValue(FieldEssentialWhen, out var essentialField))
                    {
                        context.Error(essentialField.Line, $"{id} is a duty of the commissioner, so it cannot become a must and a gate for providers. Remove 'Essential when'.");
                    }

                    break;
                default:
                    context.Error(duty.Line, $"Unknown duty holder '{duty.Value}' in {id}. Use provider or commissioner.");
                    break;
            }
        }

        var judgements = ParseJudgements(judgementItems, fields, id, context);
        RequireJudgement(JudgedField.EvaluatedAs, evaluation == EvaluationMethod.Gate, FieldEvaluation,
            $"{id} is a gate. The sources never say pass or fail, so a gate is the toolkit's judgement: add '- **Toolkit judgement:** evaluated as: ' and one line saying why failing it should exclude a bid.");
        RequireJudgement(JudgedField.EssentialWhen, essential is not null, FieldEssentialWhen,
            $"{id} has 'Essential when', which makes it a must and a gate where it holds. That is the toolkit's judgement: add '- **Toolkit judgement:** essential when: ' and one line saying why.");
        RequireJudgement(JudgedField.Maturity, maturity is not null and not MaturityLevel.Core, FieldMaturity,
            $"{id} is labelled {(maturity is { } level ? Words(level) : "above core")}. The roadmap does not define its maturity levels, so a label above core is the toolkit's mapping: add '- **Toolkit judgement:** maturity: ' and one line saying why.");

        if (context.ErrorCount > errorsBefore || strength is null || evaluation is null || maturity is null || applies is null || question is null || statementBlocks.Count == 0)
        {
            return null;
        }

        return new Requirement
        {
            Id = id,
            Title = title,
            Statement = context.Slice(statementBlocks),
            Strength = strength.Value,
            Evaluation = evaluation.Value,
            AppliesWhen = applies,
            EssentialWhen = essential,
            Maturity = maturity.Value,
            ProviderQuestion = question,
            Evidence = evidence,
            GuideQuestion = guideQuestion,
            Sources = sources,
            RuleSetId = ruleSetId,
            Line = line,
            DutyOf = dutyOf,
            Judgements = judgements,
        };

        void RequireJudgement(JudgedField field, bool needed, string fieldKey, string message)
        {
            if (needed && !judgements.Any(j => j.Field == field))
            {
                context.Error(fields.TryGetValue(fieldKey, out var f) ? f.Line : line, message);
            }
        }
    }

    /// <summary>
    /// Reads each "Toolkit judgement: field: reason" item: the field must be one the toolkit can
    /// decide and present in the requirement, marked once, with a reason.
    /// </summary>
    private static List<ToolkitJudgement> ParseJudgements(List<(string Value, int Line)> items, Dictionary<string, (string Value, int Line)> fields, string id, FileContext context)
    {
        var judgements = new List<ToolkitJudgement>();
        var fieldList = string.Join(", ", JudgeableFields.Select(f => f.Words));
        foreach (var (value, itemLine) in items)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var named = (colon < 0 ? value : value[..colon]).Trim();
            var match = JudgeableFields.Where(f => string.Equals(f.Words, named, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                context.Error(itemLine, colon < 0
                    ? $"The toolkit judgement in {id} must be 'field: reason', such as 'strength: the guide only asks the question'. Fields it can mark: {fieldList}."
                    : $"The toolkit judgement in {id} names '{Shorten(named)}', which is not a field it can mark. Use {fieldList}.");
                continue;
            }

            var (words, field) = match[0];
            var reason = value[(colon + 1)..].Trim();
            if (reason.Length == 0)
            {
                context.Error(itemLine, $"The toolkit judgement on '{words}' in {id} has no reason. After '{words}:' write one line saying why the toolkit goes beyond the sources.");
                continue;
            }

            if (!fields.ContainsKey(words))
            {
                context.Error(itemLine, $"{id} marks '{words}' as the toolkit's judgement but has no '{Capitalise(words)}' field.");
                continue;
            }

            if (judgements.Any(j => j.Field == field))
            {
                context.Error(itemLine, $"{id} marks '{words}' as the toolkit's judgement more than once. Give one reason for each field.");
                continue;
            }

            judgements.Add(new ToolkitJudgement(field, reason));
        }

        return judgements;
    }

    private static T? ParseField<T>(Dictionary<string, (string Value, int Line)> fields, string key, string id, FileContext context, Func<string, T?> parse, string message)
        where T : struct
    {
        if (!fields.TryGetValue(key, out var field))
        {
            return null;
        }

        var value = parse(field.Value.Trim().ToLowerInvariant());
        if (value is null)
        {
            context.Error(field.Line, string.Format(CultureInfo.InvariantCulture, message, field.Value, id));
        }

        return value;
    }

    private static Condition? ParseConditionField(Dictionary<string, (string Value, int Line)> fields, string key, string id, FileContext context)
    {
        if (!fields.TryGetValue(key, out var field))
        {
            return null;
        }

        try
        {
            return ConditionParser.Parse(field.Value);
        }
        catch (ConditionSyntaxException ex)
        {
            context.Error(field.Line, $"The condition '{field.Value}' in {id} ({Capitalise(key)}) is not valid at column {ex.Column}: {ex.Message}");
            return null;
        }
    }

    internal static Strength? ParseStrength(string value) => value switch
    {
        "must" => Strength.Must,
        "should" => Strength.Should,
        "good practice" => Strength.GoodPractice,
        "optional" => Strength.Optional,
        _ => null,
    };

    internal static EvaluationMethod? ParseEvaluation(string value) => value switch
    {
        "gate" => EvaluationMethod.Gate,
        "scored" => EvaluationMethod.Scored,
        "information" => EvaluationMethod.Information,
        _ => null,
    };

    internal static MaturityLevel? ParseMaturity(string value) => value switch
    {
        "core" => MaturityLevel.Core,
        "transformative" => MaturityLevel.Transformative,
        "exemplary" => MaturityLevel.Exemplary,
        _ => null,
    };

    /// <summary>The words the standards files use for a strength.</summary>
    public static string Words(Strength strength) => strength switch
    {
        Strength.Must => "must",
        Strength.Should => "should",
        Strength.GoodPractice => "good practice",
        _ => "optional",
    };

    /// <summary>The words the standards files use for a maturity level.</summary>
    public static string Words(MaturityLevel maturity) => maturity switch
    {
        MaturityLevel.Core => "core",
        MaturityLevel.Transformative => "transformative",
        _ => "exemplary",
    };

    /// <summary>The words the standards files use for a field that can carry a toolkit judgement.</summary>
    public static string Words(JudgedField field) => JudgeableFields.First(f => f.Field == field).Words;

    private static IEnumerable<SourceDocument> ParseSources(MarkdownDocument document, FileContext context)
    {
        foreach (var (heading, body) in Sections(document, context))
        {
            var key = InlineText(heading.Inline).Trim();
            var fields = ReadSimpleFields(body, context, key, SourceFields, heading.Line + 1);
            if (fields is null)
            {
                continue;
            }

            var missing = SourceFields.Where(f => !fields.ContainsKey(f)).ToList();
            if (missing.Count > 0)
            {
                context.Error(heading.Line + 1, $"The source {key} is missing: {string.Join(", ", missing.Select(Capitalise))}.");
                continue;
            }

            yield return new SourceDocument
            {
                Key = key,
                Title = fields["title"],
                Publisher = fields["publisher"],
                Published = fields["published"],
                Sections = fields["sections"].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            };
        }
    }

    private static IEnumerable<GlossaryTerm> ParseGlossary(MarkdownDocument document, FileContext context)
    {
        foreach (var (heading, body) in Sections(document, context))
        {
            var term = InlineText(heading.Inline).Trim();
            string? standsFor = null;
            var definition = body;
            if (body.Count > 0 && body[0] is ListBlock list)
            {
                var fields = ReadSimpleFields([list], context, term, GlossaryFields, heading.Line + 1);
                standsFor = fields?.GetValueOrDefault("stands for");
                definition = body.Skip(1).ToList();
            }

            if (definition.Count == 0)
            {
                context.Error(heading.Line + 1, $"The glossary term '{term}' has no explanation.");
                continue;
            }

            yield return new GlossaryTerm { Term = term, StandsFor = standsFor, Definition = context.Slice(definition), Line = heading.Line + 1 };
        }
    }

    /// <summary>Level-2 sections of a sources or glossary file, with their blocks.</summary>
    private static List<(HeadingBlock Heading, List<Block> Body)> Sections(MarkdownDocument document, FileContext context)
    {
        var sections = new List<(HeadingBlock, List<Block>)>();
        foreach (var block in document.Where(b => b is not YamlFrontMatterBlock))
        {
            switch (block)
            {
                case HeadingBlock { Level: 1 }:
                    break;
                case HeadingBlock { Level: 2 } h2:
                    sections.Add((h2, []));
                    break;
                case HeadingBlock other:
                    context.Error(other.Line + 1, $"Level-{other.Level} headings are not allowed here; each entry is a level-2 heading.");
                    break;
                default:
                    if (sections.Count > 0)
                    {
                        sections[^1].Item2.Add(block);
                    }

                    break;
            }
        }

        return sections;
    }

    private static Dictionary<string, string>? ReadSimpleFields(List<Block> body, FileContext context, string owner, string[] allowed, int headingLine)
    {
        var list = body.OfType<ListBlock>().FirstOrDefault();
        if (list is null)
        {
            context.Error(body.Count > 0 ? body[0].Line + 1 : headingLine, $"{owner} has no list of fields.");
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var text = string.Join(" ", item.OfType<ParagraphBlock>().Select(p => InlineText(p.Inline))).Trim();
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? text[..colon].Trim().ToLowerInvariant() : string.Empty;
            if (!allowed.Contains(key))
            {
                context.Error(item.Line + 1, $"Unknown field '{(colon > 0 ? text[..colon].Trim() : Shorten(text))}' in {owner}. Known fields: {string.Join(", ", allowed.Select(Capitalise))}.");
                continue;
            }

            if (!result.TryAdd(key, text[(colon + 1)..].Trim()))
            {
                context.Error(item.Line + 1, $"The field '{Capitalise(key)}' appears more than once in {owner}.");
            }
        }

        return result;
    }

    private static void CheckAcrossFiles(List<(RuleSet RuleSet, List<PendingSource> Sources)> ruleSets, List<SourceDocument> sources, List<GlossaryTerm> glossary, string? glossaryFile, List<StandardsError> errors)
    {
        foreach (var group in ruleSets.GroupBy(r => r.RuleSet.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First().RuleSet;
            foreach (var (duplicate, _) in group.Skip(1))
            {
                errors.Add(new StandardsError(duplicate.FileName, 1, $"The rule set id '{duplicate.Id}' is already used by {first.FileName}."));
            }
        }

        foreach (var group in ruleSets.GroupBy(r => r.RuleSet.Order).Where(g => g.Count() > 1))
        {
            var first = group.First().RuleSet;
            foreach (var (duplicate, _) in group.Skip(1))
            {
                errors.Add(new StandardsError(duplicate.FileName, 1, $"The order {duplicate.Order} is already used by {first.FileName}."));
            }
        }

        var seenRequirements = new Dictionary<string, (RuleSet RuleSet, Requirement Requirement)>(StringComparer.Ordinal);
        var seenQuestions = new Dictionary<string, (RuleSet RuleSet, Requirement Requirement)>(StringComparer.Ordinal);
        foreach (var (ruleSet, _) in ruleSets)
        {
            foreach (var requirement in ruleSet.Requirements)
            {
                if (!seenRequirements.TryAdd(requirement.Id, (ruleSet, requirement)))
                {
                    var first = seenRequirements[requirement.Id];
                    errors.Add(new StandardsError(ruleSet.FileName, requirement.Line,
                        $"Duplicate requirement id {requirement.Id}: it is already used in {first.RuleSet.FileName} at line {first.Requirement.Line}."));
                }

                if (requirement.GuideQuestion is { } question && !seenQuestions.TryAdd(question.Id, (ruleSet, requirement)))
                {
                    var first = seenQuestions[question.Id];
                    errors.Add(new StandardsError(ruleSet.FileName, requirement.Line,
                        $"The guide question {question.Id} is already attached to {first.Requirement.Id} in {first.RuleSet.FileName}. Each guide question belongs to one requirement."));
                }
            }
        }

        var documents = sources.ToDictionary(s => s.Key, StringComparer.Ordinal);
        foreach (var pending in ruleSets.SelectMany(r => r.Sources))
        {
            if (!documents.TryGetValue(pending.Reference.DocumentKey, out var document))
            {
                errors.Add(new StandardsError(pending.File, pending.Line,
                    $"The source document '{pending.Reference.DocumentKey}' in {pending.RequirementId} is not listed in sources.md." +
                    (documents.Count > 0 ? $" Known documents: {string.Join(", ", documents.Keys)}." : string.Empty)));
            }
            else if (!document.Sections.Contains(pending.Reference.Section, StringComparer.Ordinal))
            {
                errors.Add(new StandardsError(pending.File, pending.Line,
                    $"The section '{pending.Reference.Section}' in {pending.RequirementId} is not a section of {document.Key} listed in sources.md."));
            }
        }

        foreach (var group in glossary.GroupBy(g => g.Term, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                errors.Add(new StandardsError(glossaryFile ?? "glossary.md", duplicate.Line, $"The glossary term '{group.Key}' appears more than once: it is already explained at line {first.Line}."));
            }
        }
    }

    /// <summary>The plain text of an inline container, with emphasis and code flattened.</summary>
    internal static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        Append(inline, builder);
        return builder.ToString();

        static void Append(Inline node, StringBuilder builder)
        {
            switch (node)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Append(child, builder);
                    }

                    break;
            }
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
