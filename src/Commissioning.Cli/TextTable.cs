using System.Text;

namespace Commissioning.Cli;

/// <summary>A plain-text table with columns padded to their widest cell; numeric columns right-aligned.</summary>
internal sealed class TextTable(params string[] headings)
{
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _rightAligned = [];

    public TextTable AlignRight(params int[] columns)
    {
        foreach (var column in columns)
        {
            _rightAligned.Add(column);
        }

        return this;
    }

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(TextWriter writer, string indent = "  ")
    {
        var widths = headings.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        writer.WriteLine(indent + Line(headings, widths).TrimEnd());
        writer.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            writer.WriteLine(indent + Line(row, widths).TrimEnd());
        }
    }

    private string Line(string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(_rightAligned.Contains(i) ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            if (i < cells.Length - 1)
            {
                line.Append("  ");
            }
        }

        return line.ToString();
    }
}
