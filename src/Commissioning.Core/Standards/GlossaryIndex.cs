using System.Text.RegularExpressions;

namespace Commissioning.Core.Standards;

/// <summary>
/// Finds which glossary terms a piece of text uses, so that a page can explain each term where it
/// appears. Abbreviations (all capitals, such as ESR) match case-sensitively as whole words; other
/// terms and the expansions of abbreviations match whole words ignoring case. Each may take a
/// plural "s" ("clinical attachments", "CCTs").
/// </summary>
public sealed class GlossaryIndex
{
    private readonly IReadOnlyList<(GlossaryTerm Term, Regex Pattern)> _patterns;

    /// <summary>Builds the index once for a catalogue.</summary>
    public GlossaryIndex(StandardsCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _patterns = [.. catalogue.Glossary
            .Where(t => !t.Term.Contains('/', StringComparison.Ordinal) && !t.Term.Contains('(', StringComparison.Ordinal))
            .Select(t => (t, BuildPattern(t)))];
    }

    /// <summary>The glossary terms used in any of the texts, in glossary order.</summary>
    public IReadOnlyList<GlossaryTerm> TermsIn(IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var all = string.Join("\n", texts.Where(t => !string.IsNullOrEmpty(t)));
        return [.. _patterns.Where(p => p.Pattern.IsMatch(all)).Select(p => p.Term)];
    }

    private static Regex BuildPattern(GlossaryTerm term)
    {
        var isAbbreviation = term.Term.Length > 1 && term.Term.All(c => char.IsUpper(c) || char.IsDigit(c));
        var alternatives = new List<string>
        {
            isAbbreviation ? $@"(?-i:\b{Regex.Escape(term.Term)}s?\b)" : $@"\b{Regex.Escape(term.Term)}s?\b",
        };
        if (!string.IsNullOrWhiteSpace(term.StandsFor))
        {
            alternatives.Add($@"\b{Regex.Escape(term.StandsFor.Trim())}s?\b");
        }

        return new Regex(string.Join("|", alternatives), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
