using Commissioning.Core.Files;
using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;

namespace Commissioning.Cli;

/// <summary><c>tailor &lt;profiles.json&gt;</c>: one organisation's specification, or a combined one for several.</summary>
internal static class TailorCommand
{
    public static int Run(CommandContext context, string file)
    {
        var read = ProfilesFile.Read(context.ReadFile(file));
        if (!read.Succeeded)
        {
            return context.Problems(file, read.Problems);
        }

        var profiles = read.Value;
        if (context.InvalidProfiles(file, profiles) is { } invalid)
        {
            return invalid;
        }

        if (profiles.Count == 1)
        {
            WriteSpecification(context.Output, context.Standards, Tailor.For(context.Standards, profiles[0]));
        }
        else
        {
            WriteCombined(context.Output, context.Standards, Tailor.ForGroup(context.Standards, profiles));
        }

        return ExitCodes.Success;
    }

    private static void WriteSpecification(TextWriter output, StandardsCatalogue standards, Specification specification)
    {
        var applicable = specification.ForProviders.ToList();
        var duties = specification.CommissionerDuties.Select(i => i.Requirement.Id).ToList();
        var optional = applicable.Count(i => i.Strength == Strength.Optional);
        output.WriteLine($"Specification for {specification.Profile.Name}");
        output.WriteLine($"{applicable.Count} of {specification.Items.Count} requirements apply to providers: {applicable.Count(i => i.Strength == Strength.Must)} must ({specification.Gates.Count()} pass or fail), {applicable.Count(i => i.Strength == Strength.Should)} should, {applicable.Count(i => i.Strength == Strength.GoodPractice)} good practice{(optional > 0 ? $", {optional} optional" : "")}." +
            (duties.Count > 0 ? $" Your organisation's own duty as commissioner, for information only: {string.Join(", ", duties)}." : ""));
        foreach (var ruleSet in standards.RuleSets)
        {
            var items = specification.Items.Where(i => i.Requirement.RuleSetId == ruleSet.Id).ToList();
            output.WriteLine();
            output.WriteLine(ruleSet.Title);
            foreach (var item in items)
            {
                output.WriteLine(item.Applies
                    ? $"  {item.Requirement.Id}  {Words.Level(item.Strength, item.Evaluation),-22} {item.Requirement.Title}. {item.Reason}"
                    : $"  {item.Requirement.Id}  {"does not apply",-22} {item.Requirement.Title}. {item.Reason}");
            }
        }
    }

    private static void WriteCombined(TextWriter output, StandardsCatalogue standards, CollaborativeSpecification specification)
    {
        output.WriteLine($"Combined specification for {specification.Members.Count} organisations ({specification.TotalHeadcount:N0} staff): {string.Join(", ", specification.Members.Select(m => m.Name))}");
        output.WriteLine($"{specification.Applicable.Count()} of {specification.Items.Count} requirements apply to at least one member.");
        foreach (var ruleSet in standards.RuleSets)
        {
            output.WriteLine();
            output.WriteLine(ruleSet.Title);
            foreach (var item in specification.Items.Where(i => i.Requirement.RuleSetId == ruleSet.Id))
            {
                output.WriteLine($"  {item.Requirement.Id}  {(item.Applies ? Words.Level(item.Strength, item.Evaluation) : "does not apply"),-22} {item.Requirement.Title}. {item.Summary}");
                if (item.Requirement.IsConditional)
                {
                    foreach (var member in item.Members)
                    {
                        output.WriteLine($"        {member.Member.Name}: {member.Tailored.Reason}");
                    }
                }
            }
        }
    }
}
