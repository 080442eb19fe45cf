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

    private static readonly string[] RequiredFields = [FieldStrength, FieldEvaluation, FieldAppliesWhen, FieldMaturity, FieldAsk, FieldEvidence, FieldSource];
    private static readonly string[] KnownFields = [.. RequiredFields, FieldEssentialWhen, FieldGuideQuestion];
    private static readonly string[] SourceFields = ["title", "publisher", "published", "sections"];
    private static readonly string[] GlossaryFields = ["stands for"];

    [GeneratedRegex(@"^(?<id>[A-Z]{2,4}-\d{2})\s+(?<title>\S.*)$")]
    private static partial Regex RequirementHeading();

    [GeneratedRegex(@"^(?<id>GQ-\d{2})\s+(?<text>\S.*)$")]
    private static partial Regex GuideQuestionPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex RuleSetId();

    /// <summary>Loads the files, or throws <see cref="StandardsLoadException"/> listing every problem.</summary>
    public static StandardsCatalogue Load(IEnumerable<StandardsFile> files)
    {
        var (catalogue, errors) = TryLoad(files);
        return errors.Count == 0 ? catalogue! : throw new StandardsLoadException(errors);
    }

    /// <summary>Loads the files, returning the catalogue (when there are no errors) and every problem found.</summary>
    public static (StandardsCatalogue? Catalogue, IReadOnlyList<StandardsError> Errors) TryLoad(IEnumerable<StandardsFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<StandardsError>();
        var ruleSets = new List<(RuleSet RuleSet, List<PendingSource> Sources)>();
        var sources = new List<SourceDocument>();
        var glossary = new List<GlossaryTerm>();
        var fileList = files.OrderBy(f => f.FileName, StringComparer.Ordinal).ToList();

        if (fileList.Count == 0)
        {
            errors.Add(new StandardsError("(standards folder)", 0, "There are no standards files."));
        }

        foreach (var file in fileList)
        {
            var context = new FileContext(file, errors);
            var document = SafeMarkdown.Parse(file.Text);
            var frontMatter = ReadFrontMatter(document, context);
            if (frontMatter is null)
            {
                continue;
            }

            switch (frontMatter.Get("kind"))
            {
                case KindRuleSet:
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

        CheckAcrossFiles(ruleSets, sources, glossary, errors);

        var ordered = errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
        return ordered.Count == 0
            ? (new StandardsCatalogue([.. ruleSets.Select(r => r.RuleSet)], sources, glossary), ordered)
            : (null, ordered);
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
                context.Error(itemLine, $"Unknown field '{label}' in {id}. Known fields: Strength, Evaluated as, Applies when, Essential when, Maturity, Ask providers, Evidence, Guide question, Source.");
                continue;
            }

            if (value.Length == 0)
            {
                context.Error(itemLine, $"The field '{label}' in {id} is empty.");
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

        var strength = ParseField(fields, FieldStrength, id, context, ParseStrength, "Unknown strength '{0}' in {1}. Use must, should or good practice.");
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
        };
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
        _ => "good practice",
    };

    private static IEnumerable<SourceDocument> ParseSources(MarkdownDocument document, FileContext context)
    {
        foreach (var (heading, body) in Sections(document, context))
        {
            var key = InlineText(heading.Inline).Trim();
            var fields = ReadSimpleFields(body, context, key, SourceFields);
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
                var fields = ReadSimpleFields([list], context, term, GlossaryFields);
                standsFor = fields?.GetValueOrDefault("stands for");
                definition = body.Skip(1).ToList();
            }

            if (definition.Count == 0)
            {
                context.Error(heading.Line + 1, $"The glossary term '{term}' has no explanation.");
                continue;
            }

            yield return new GlossaryTerm { Term = term, StandsFor = standsFor, Definition = context.Slice(definition) };
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

    private static Dictionary<string, string>? ReadSimpleFields(List<Block> body, FileContext context, string owner, string[] allowed)
    {
        var list = body.OfType<ListBlock>().FirstOrDefault();
        if (list is null)
        {
            context.Error(body.Count > 0 ? body[0].Line + 1 : 0, $"{owner} has no list of fields.");
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

    private static void CheckAcrossFiles(List<(RuleSet RuleSet, List<PendingSource> Sources)> ruleSets, List<SourceDocument> sources, List<GlossaryTerm> glossary, List<StandardsError> errors)
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
            errors.Add(new StandardsError("glossary.md", 0, $"The glossary term '{group.Key}' appears more than once."));
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
