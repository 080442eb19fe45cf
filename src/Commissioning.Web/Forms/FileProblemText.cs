using Commissioning.Application;
using Commissioning.Core.Files;

namespace Commissioning.Web.Forms;

/// <summary>A problem in an uploaded file as the pages show it: where, in words, and what is wrong, in plain English; the JSON path as a detail.</summary>
public static class FileProblemText
{
    /// <summary>Where the problem is, in words.</summary>
    public static string Where(AppError problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Location is JsonPathLocation json ? JsonPathWords.Where(json.Path) : problem.Location?.Describe() ?? "the whole file";
    }

    /// <summary>The JSON path, for those who want it; null when the problem has none.</summary>
    public static string? Path(AppError problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Location is JsonPathLocation { Path.Length: > 1 } json ? json.Path : null;
    }

    /// <summary>What is wrong, with any JSON path put in words.</summary>
    public static string Message(AppError problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Location is JsonPathLocation json ? JsonPathWords.Plain(problem.Message, json.Path) : problem.Message;
    }
}
