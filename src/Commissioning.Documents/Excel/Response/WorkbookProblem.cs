namespace Commissioning.Documents.Excel.Response;

/// <summary>
/// One problem found in a workbook: where (the sheet and cell, or the file as a whole) and a
/// plain message saying what is wrong and what to do.
/// </summary>
/// <param name="Sheet">The sheet, or null for a problem with the file as a whole.</param>
/// <param name="Cell">The cell, such as <c>C7</c>, or null for the sheet or the file as a whole.</param>
/// <param name="Message">What is wrong, in plain English.</param>
public sealed record WorkbookProblem(string? Sheet, string? Cell, string Message)
{
    /// <summary>A problem with the file as a whole.</summary>
    public static WorkbookProblem File(string message) => new(null, null, message);

    /// <summary>Where the problem is: "Prices!B5", "sheet Answers" or "the file".</summary>
    public string Location => Sheet is null ? "the file" : Cell is null ? $"sheet {Sheet}" : $"{Sheet}!{Cell}";

    /// <summary>"Prices!B5: The price for …", or the message alone for the file as a whole.</summary>
    public override string ToString() => Sheet is null ? Message : $"{Location}: {Message}";
}
