using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Commissioning.Documents.Charts;

/// <summary>
/// Lays out one chart from the top down in a fixed coordinate space (<see cref="Width"/> wide)
/// and writes it as an SVG element. Every text goes in through <see cref="XElement"/>, so it is
/// escaped for XML; every look is a presentation attribute (fill, stroke, font-size), never a
/// style attribute or element, so the chart passes a <c>style-src 'self'</c> policy.
/// </summary>
internal sealed class SvgCanvas(string id)
{
    /// <summary>The width of the coordinate space; the SVG scales to its container's width.</summary>
    public const double Width = 380;

    /// <summary>The height of a bar.</summary>
    public const double BarHeight = 22;

    /// <summary>Text size for labels.</summary>
    public const double LabelSize = 16;

    /// <summary>Text size for axes, legends and notes.</summary>
    public const double SmallSize = 14.5;

    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    // NHS identity colours.
    public const string Ink = "#212b32";
    public const string Secondary = "#4c6272";
    public const string Grid = "#d8dde0";
    public const string PaleGrey = "#e8edee";
    public const string NhsBlue = "#005eb8";
    public const string DarkBlue = "#003087";
    public const string PaleBlue = "#c8e1f5";
    public const string MidGrey = "#768692";
    public const string DarkPink = "#7c2855";
    public const string White = "#ffffff";

    /// <summary>
    /// Series colours for stacked segments, each at least 4.5:1 against white (so white text on
    /// them and the segments against the page both read); each also has its own pattern.
    /// </summary>
    public static readonly string[] Series = ["#005eb8", "#330072", "#007f3b", "#ae2573", "#003087", "#7c2855", "#425563", "#006747"];

    private readonly List<XElement> _defs = [];
    private readonly List<XElement> _body = [];
    private readonly HashSet<int> _patterns = [];
    private readonly List<(double Top, double Bottom)> _bands = [];

    /// <summary>The chart's id; the SVG's own ids start with it.</summary>
    public string Id { get; } = id;

    /// <summary>Where the next thing goes, from the top.</summary>
    public double Y { get; set; } = 4;

    public void Add(XElement element) => _body.Add(element);

    /// <summary>
    /// Marks the rows a bar takes (from <paramref name="top"/>, <see cref="BarHeight"/> tall):
    /// grid lines are drawn across these bands only, never through the words between them.
    /// </summary>
    public void Band(double top) => _bands.Add((top - 4, top + BarHeight + 4));

    /// <summary>A vertical line at <paramref name="x"/> through every band, or from <paramref name="top"/> to <paramref name="bottom"/> when there is none.</summary>
    public IEnumerable<XElement> Through(double x, double top, double bottom, string stroke, double strokeWidth = 1) =>
        _bands.Count == 0
            ? [Line(x, top, x, bottom, stroke, strokeWidth)]
            : _bands.Select(b => Line(x, b.Top, x, Math.Min(b.Bottom, bottom), stroke, strokeWidth));

    public static XElement Element(string name, params object[] content) => new(Ns + name, content);

    public static XAttribute Attr(string name, double value) => new(name, Num(value));

    public static XAttribute Attr(string name, string value) => new(name, value);

    /// <summary>A coordinate, written to two places with the invariant culture.</summary>
    public static string Num(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    public static XElement Rect(double x, double y, double width, double height, string fill, params object[] more) =>
        Element("rect", Attr("x", x), Attr("y", y), Attr("width", Math.Max(0, width)), Attr("height", Math.Max(0, height)), Attr("fill", fill), more);

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1) =>
        Element("line", Attr("x1", x1), Attr("y1", y1), Attr("x2", x2), Attr("y2", y2), Attr("stroke", stroke), Attr("stroke-width", strokeWidth));

    public static XElement Text(double x, double y, string text, double size = LabelSize, string anchor = "start", string fill = Ink, bool bold = false)
    {
        var element = Element("text", Attr("x", x), Attr("y", y), Attr("font-size", size), Attr("fill", fill), text);
        if (anchor != "start")
        {
            element.Add(Attr("text-anchor", anchor));
        }

        if (bold)
        {
            element.Add(Attr("font-weight", "bold"));
        }

        return element;
    }

    /// <summary>Writes <paramref name="text"/> wrapped to <paramref name="maxWidth"/>, starting at <see cref="Y"/>, and moves <see cref="Y"/> below it.</summary>
    public void Paragraph(string text, double x = 0, double maxWidth = Width, double size = LabelSize, string fill = Ink, bool bold = false)
    {
        foreach (var line in Wrap(text, maxWidth - x, size, bold))
        {
            Y += size;
            Add(Text(x, Y, line, size, fill: fill, bold: bold));
            Y += size * 0.3;
        }
    }

    /// <summary>
    /// A fill for series <paramref name="index"/>: its colour with its own pattern of white lines
    /// or dots, so that segments differ by more than colour (WCAG 1.4.1). Defined once per chart.
    /// </summary>
    public string SeriesFill(int index)
    {
        var colour = Series[index % Series.Length];
        var kind = index % 8;
        if (kind == 0)
        {
            return colour;
        }

        var patternId = $"{Id}-pattern-{index}";
        if (_patterns.Add(index))
        {
            var mark = kind switch
            {
                1 => Element("path", Attr("d", "M-2,2 l4,-4 M0,10 l10,-10 M8,12 l4,-4")),
                2 => Element("circle", Attr("cx", 5), Attr("cy", 5), Attr("r", 1.8), Attr("fill", White), Attr("fill-opacity", "0.6")),
                3 => Element("path", Attr("d", "M0,5 h10")),
                4 => Element("path", Attr("d", "M0,0 l10,10 M10,0 l-10,10")),
                5 => Element("path", Attr("d", "M5,0 v10")),
                6 => Element("path", Attr("d", "M-2,8 l4,4 M0,0 l10,10 M8,-2 l4,4")),
                _ => Element("path", Attr("d", "M0,5 h10 M5,0 v10")),
            };
            if (kind != 2)
            {
                mark.Add(Attr("stroke", White), Attr("stroke-width", 1.6), Attr("stroke-opacity", "0.6"));
            }

            _defs.Add(Element(
                "pattern",
                Attr("id", patternId),
                Attr("width", 10),
                Attr("height", 10),
                Attr("patternUnits", "userSpaceOnUse"),
                Element("rect", Attr("width", 10), Attr("height", 10), Attr("fill", colour)),
                mark));
        }

        return $"url(#{patternId})";
    }

    /// <summary>A horizontal value axis: grid lines from <paramref name="top"/> down to the axis at <see cref="Y"/>, tick labels under it.</summary>
    public void Axis(double left, double right, double top, IReadOnlyList<(double Value, string Label)> ticks, Func<double, double> scale, string caption)
    {
        var axisY = Y;
        var grid = new List<XElement>();
        double lastLabelEnd = double.NegativeInfinity;
        foreach (var (value, label) in ticks)
        {
            var x = scale(value);
            grid.AddRange(Through(x, top, axisY, Grid));
            var width = Measure(label, SmallSize);
            var anchor = "middle";
            var start = x - (width / 2);
            if (start < 0)
            {
                anchor = "start";
                start = x;
            }
            else if (x + (width / 2) > Width)
            {
                anchor = "end";
                start = x - width;
            }

            // Leave out a tick label that would run into the one before it.
            if (start < lastLabelEnd + 6)
            {
                continue;
            }

            lastLabelEnd = start + width;
            Add(Text(x, axisY + 6 + SmallSize, label, SmallSize, anchor, Secondary));
        }

        // Grid lines go behind everything drawn so far.
        _body.InsertRange(0, grid);
        Add(Line(left, axisY, right, axisY, Secondary));
        Y = axisY + 6 + SmallSize + 6;
        Paragraph(caption, size: SmallSize, fill: Secondary);
    }

    /// <summary>Notes under the chart, such as bids left out.</summary>
    public void Notes(IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        Y += 6;
        foreach (var note in notes)
        {
            Paragraph(note, size: SmallSize, fill: Secondary);
            Y += 2;
        }
    }

    /// <summary>The SVG element, labelled by its title and description.</summary>
    public string Render(string title, string description)
    {
        var height = Math.Ceiling(Y + 6);
        var svg = Element(
            "svg",
            Attr("viewBox", $"0 0 {Num(Width)} {Num(height)}"),
            Attr("width", "100%"),
            Attr("role", "img"),
            Attr("aria-labelledby", $"{Id}-title {Id}-desc"),
            Attr("font-family", "Frutiger W01, Arial, sans-serif"),
            Attr("font-size", LabelSize),
            Element("title", Attr("id", $"{Id}-title"), title),
            Element("desc", Attr("id", $"{Id}-desc"), description));
        if (_defs.Count > 0)
        {
            svg.Add(Element("defs", _defs));
        }

        svg.Add(_body);
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>An id made safe for XML and HTML: letters, digits, hyphens and underscores, starting with a letter.</summary>
    public static string SafeId(string text)
    {
        var builder = new StringBuilder(text.Length + 6);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        if (builder.Length == 0 || !char.IsAsciiLetter(builder[0]))
        {
            builder.Insert(0, "chart-");
        }

        return builder.ToString();
    }

    /// <summary>
    /// The width a text takes, estimated from typical Arial widths (the fallback for Frutiger, and
    /// close to it): generous, so a wrapped line does not run off the chart.
    /// </summary>
    public static double Measure(string text, double size, bool bold = false)
    {
        var em = 0.0;
        foreach (var c in text)
        {
            em += c switch
            {
                ' ' => 0.28,
                'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' => 0.25,
                'f' or 't' or 'r' or '(' or ')' or '-' => 0.36,
                'm' or 'w' => 0.84,
                'M' or 'W' => 0.86,
                >= 'A' and <= 'Z' => 0.7,
                >= '0' and <= '9' => 0.56,
                >= 'a' and <= 'z' => 0.54,
                '%' => 0.9,
                _ => 0.6,
            };
        }

        return em * size * (bold ? 1.08 : 1.0);
    }

    /// <summary>Splits a text into lines no wider than <paramref name="maxWidth"/>, breaking at spaces (or inside a word too long for a line).</summary>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, double size, bool bold = false)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Measure(candidate, size, bold) <= maxWidth)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            var rest = word;
            while (Measure(rest, size, bold) > maxWidth && rest.Length > 1)
            {
                var take = rest.Length - 1;
                while (take > 1 && Measure(rest[..take], size, bold) > maxWidth)
                {
                    take--;
                }

                lines.Add(rest[..take]);
                rest = rest[take..];
            }

            current.Append(rest);
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    /// <summary>Tick values from <paramref name="min"/> to <paramref name="max"/> at a round step (1, 2 or 5 times a power of ten), about <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<double> Ticks(double min, double max, int count = 5)
    {
        if (!(max > min))
        {
            return [min];
        }

        return TicksEvery(min, max, NiceStep((max - min) / count));
    }

    /// <summary>Tick values from <paramref name="min"/> to <paramref name="max"/> at every multiple of <paramref name="step"/>.</summary>
    public static IReadOnlyList<double> TicksEvery(double min, double max, double step)
    {
        var ticks = new List<double>();
        for (var v = Math.Ceiling((min / step) - 1e-9) * step; v <= max + (step * 1e-9); v += step)
        {
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        }

        return ticks;
    }

    public static double NiceStep(double rough)
    {
        if (!(rough > 0))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var normal = rough / magnitude;
        return (normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10) * magnitude;
    }
}
