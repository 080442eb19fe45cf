using Commissioning.Core.Standards;

namespace Commissioning.Cli;

/// <summary>Words for levels and methods in the command line's output.</summary>
internal static class Words
{
    public static string Level(Strength strength, EvaluationMethod evaluation) =>
        $"{Strength(strength)}, {Evaluation(evaluation)}";

    public static string Strength(Strength strength) => StandardsParser.Words(strength);

    public static string Evaluation(EvaluationMethod evaluation) => evaluation switch
    {
        EvaluationMethod.Gate => "pass/fail",
        EvaluationMethod.Scored => "scored",
        _ => "information",
    };
}
