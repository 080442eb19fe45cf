using System.Diagnostics;
using System.Text;

namespace Commissioning.Tests.Documents.Matrix;

/// <summary>
/// LibreOffice Calc as a second spreadsheet engine: converts workbooks to one CSV per sheet in
/// one headless start, with a throwaway profile that forces every formula to be recalculated
/// when a workbook is loaded (by default it would show the values saved in the file).
/// </summary>
internal static class LibreOffice
{
    private const string Profile = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """;

    public static string Executable => Environment.GetEnvironmentVariable("SOFFICE_PATH") ?? "/usr/bin/soffice";

    /// <summary>Converts each workbook to CSV files in <paramref name="outputFolder"/>, named <c>book-Sheet name.csv</c>.</summary>
    public static void ConvertToCsv(IReadOnlyList<string> workbooks, string outputFolder)
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"LibreOffice is not installed at {Executable}. Run scripts/test, which installs libreoffice-calc-nogui, or set SOFFICE_PATH.");
        }

        var profile = Path.Combine(Path.GetTempPath(), "lo-profile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(profile, "user"));
        File.WriteAllText(Path.Combine(profile, "user", "registrymodifications.xcu"), Profile);
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--headless", "--calc", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", outputFolder,
            }.Concat(workbooks))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("LibreOffice did not finish converting the workbooks within 5 minutes.");
            }

            Assert.That(process.ExitCode, Is.Zero, $"LibreOffice failed: {output.Result} {error.Result}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>Reads a CSV file as rows of fields (quoted fields may hold commas, quotes and line breaks).</summary>
    public static List<List<string>> ReadCsv(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A cell of a CSV sheet (1-based), or empty when beyond the data.</summary>
    public static string Cell(List<List<string>> rows, int row, int column) =>
        row - 1 < rows.Count && column - 1 < rows[row - 1].Count ? rows[row - 1][column - 1] : string.Empty;
}
