using Commissioning.Core.Standards;

namespace Commissioning.Cli;

/// <summary><c>standards check [folder]</c>.</summary>
internal static class StandardsCommands
{
    public static int Check(CommandContext context, string? folder)
    {
        var path = context.StandardsFolder(folder);
        var files = context.ReadStandards(path);
        var (catalogue, errors) = StandardsParser.TryLoad(files, path);
        if (errors.Count > 0)
        {
            context.Output.WriteLine(files.Count == 0
                ? $"{path}: {errors.Count} problem{(errors.Count == 1 ? "" : "s")}."
                : $"{path}: {errors.Count} problem{(errors.Count == 1 ? "" : "s")} in {files.Count} file{(files.Count == 1 ? "" : "s")}.");
            foreach (var error in errors)
            {
                context.Output.WriteLine($"  {error}");
            }

            return ExitCodes.ValidationErrors;
        }

        context.Output.WriteLine($"{path}: {files.Count} files, no problems.");
        context.Output.WriteLine($"  {catalogue!.RuleSets.Count} rule sets, {catalogue.Requirements.Count} requirements, {catalogue.GuideQuestions.Count} guide questions, {catalogue.Glossary.Count} glossary terms, {catalogue.Sources.Count} sources.");
        var table = new TextTable("Area", "Requirements", "Must", "Should", "Good practice", "Optional", "Gates", "Toolkit judgements").AlignRight(1, 2, 3, 4, 5, 6, 7);
        foreach (var ruleSet in catalogue.RuleSets)
        {
            var r = ruleSet.Requirements;
            table.Add(ruleSet.Title, $"{r.Count}", $"{r.Count(x => x.Strength == Strength.Must)}", $"{r.Count(x => x.Strength == Strength.Should)}",
                $"{r.Count(x => x.Strength == Strength.GoodPractice)}", $"{r.Count(x => x.Strength == Strength.Optional)}",
                $"{r.Count(x => x.Evaluation == EvaluationMethod.Gate)}", $"{r.Sum(x => x.Judgements.Count)}");
        }

        table.WriteTo(context.Output);
        return ExitCodes.Success;
    }
}
