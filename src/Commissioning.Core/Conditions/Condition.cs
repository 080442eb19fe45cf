using System.Globalization;
using Commissioning.Core.Profiles;

namespace Commissioning.Core.Conditions;

/// <summary>
/// A parsed "applies when" expression over an organisation profile. Each node can say whether it
/// holds for a profile and explain why in plain English, so that tailoring gives reasons a
/// practice manager can read. Parse one with <see cref="ConditionParser.Parse"/>.
/// </summary>
public abstract record Condition
{
    /// <summary>Whether the condition holds for the profile.</summary>
    public abstract bool Holds(OrganisationProfile profile);

    /// <summary>
    /// A clause saying how the condition came out for this profile: the facts that made it hold,
    /// or the facts that stopped it holding.
    /// </summary>
    public abstract string Explain(OrganisationProfile profile);

    /// <summary>A clause describing, without a profile, when the condition holds.</summary>
    public abstract string Describe();

    /// <summary>The condition in the standards file syntax.</summary>
    public abstract string ToSyntax();

    /// <inheritdoc />
    public sealed override string ToString() => ToSyntax();

    internal static string JoinClauses(IEnumerable<string> clauses, string conjunction)
    {
        var list = clauses.Distinct(StringComparer.Ordinal).ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + $" {conjunction} " + list[^1],
        };
    }
}

/// <summary>Holds for every organisation.</summary>
public sealed record AlwaysCondition : Condition
{
    /// <summary>The single instance.</summary>
    public static AlwaysCondition Instance { get; } = new();

    private AlwaysCondition() { }

    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => true;
    /// <inheritdoc />
    public override string Explain(OrganisationProfile profile) => "it applies to every organisation";
    /// <inheritdoc />
    public override string Describe() => "every organisation";
    /// <inheritdoc />
    public override string ToSyntax() => "always";
}

/// <summary>Holds when both sides hold.</summary>
public sealed record AndCondition(Condition Left, Condition Right) : Condition
{
    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => Left.Holds(profile) && Right.Holds(profile);

    /// <inheritdoc />
    public override string Explain(OrganisationProfile profile)
    {
        // Held: every part contributed. Did not hold: only the failing parts matter.
        var parts = Holds(profile)
            ? Operands().Select(c => c.Explain(profile))
            : Operands().Where(c => !c.Holds(profile)).Select(c => c.Explain(profile));
        return JoinClauses(parts, "and");
    }

    /// <inheritdoc />
    public override string Describe() => JoinClauses(Operands().Select(c => c.Describe()), "and");
    /// <inheritdoc />
    public override string ToSyntax() => $"{Wrap(Left)} and {Wrap(Right)}";

    private IEnumerable<Condition> Operands() =>
        (Left is AndCondition l ? l.Operands() : [Left]).Concat(Right is AndCondition r ? r.Operands() : [Right]);

    private static string Wrap(Condition c) => c is OrCondition ? $"({c.ToSyntax()})" : c.ToSyntax();
}

/// <summary>Holds when either side holds.</summary>
public sealed record OrCondition(Condition Left, Condition Right) : Condition
{
    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => Left.Holds(profile) || Right.Holds(profile);

    /// <inheritdoc />
    public override string Explain(OrganisationProfile profile)
    {
        // Held: the parts that held are the reason. Did not hold: every part failed.
        var parts = Holds(profile)
            ? Operands().Where(c => c.Holds(profile)).Select(c => c.Explain(profile))
            : Operands().Select(c => c.Explain(profile));
        return JoinClauses(parts, "and");
    }

    /// <inheritdoc />
    public override string Describe() => JoinClauses(Operands().Select(c => c.Describe()), "or");
    /// <inheritdoc />
    public override string ToSyntax() => $"{Left.ToSyntax()} or {Right.ToSyntax()}";

    private IEnumerable<Condition> Operands() =>
        (Left is OrCondition l ? l.Operands() : [Left]).Concat(Right is OrCondition r ? r.Operands() : [Right]);
}

/// <summary>Holds when its operand does not.</summary>
public sealed record NotCondition(Condition Operand) : Condition
{
    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => !Operand.Holds(profile);
    /// <inheritdoc />
    public override string Explain(OrganisationProfile profile) => Operand.Explain(profile);
    /// <inheritdoc />
    public override string Describe() => Operand is AtomCondition a ? a.DescribeNegated() : $"not ({Operand.Describe()})";
    /// <inheritdoc />
    public override string ToSyntax() => Operand is AtomCondition ? $"not {Operand.ToSyntax()}" : $"not ({Operand.ToSyntax()})";
}

/// <summary>A single test on one profile field.</summary>
public abstract record AtomCondition : Condition
{
    /// <summary>A clause describing when the atom does not hold.</summary>
    public abstract string DescribeNegated();

    /// <inheritdoc />
    public override string Explain(OrganisationProfile profile) => Holds(profile) ? Describe() : DescribeNegated();
}

/// <summary>The organisation hosts doctors in training.</summary>
public sealed record HostsMedicalTraineesCondition : AtomCondition
{
    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => profile.HostsMedicalTrainees;
    /// <inheritdoc />
    public override string Describe() => "the organisation hosts doctors in training";
    /// <inheritdoc />
    public override string DescribeNegated() => "the organisation does not host doctors in training";
    /// <inheritdoc />
    public override string ToSyntax() => ConditionParser.HostsMedicalTrainees;
}

/// <summary>The profile lists at least one health need identified in the organisation or its local population.</summary>
public sealed record HasPopulationHealthNeedsCondition : AtomCondition
{
    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => profile.PopulationHealthNeeds.Count > 0;

    /// <inheritdoc />
    public override string Explain(OrganisationProfile profile) => Holds(profile)
        ? $"health needs have been identified in the organisation or its local population ({string.Join("; ", profile.PopulationHealthNeeds)})"
        : DescribeNegated();

    /// <inheritdoc />
    public override string Describe() => "a health need has been identified in the organisation or its local population";
    /// <inheritdoc />
    public override string DescribeNegated() => "no health needs have been identified in the organisation or its local population";
    /// <inheritdoc />
    public override string ToSyntax() => ConditionParser.HasPopulationHealthNeeds;
}

/// <summary>The organisation is primary care or a small organisation.</summary>
public sealed record SmallerOrganisationCondition : AtomCondition
{
    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => profile.IsSmallerOrganisation;
    /// <inheritdoc />
    public override string Describe() => "the organisation is a smaller organisation (primary care or a small body)";
    /// <inheritdoc />
    public override string DescribeNegated() => "the organisation is not a smaller organisation";
    /// <inheritdoc />
    public override string ToSyntax() => ConditionParser.SmallerOrganisation;
}

/// <summary>Staff have the given exposure or activity, given in the profile or implied by its type.</summary>
public sealed record ExposedToCondition(Exposure Exposure) : AtomCondition
{
    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => profile.Has(Exposure);

    /// <inheritdoc />
    public override string Explain(OrganisationProfile profile) => profile.HasOnlyByType(Exposure)
        ? $"{Describe()} (as {Vocabulary.Of(profile.Type).Noun} always does)"
        : base.Explain(profile);
    /// <inheritdoc />
    public override string Describe() => Vocabulary.Of(Exposure).WhenPresent;
    /// <inheritdoc />
    public override string DescribeNegated() => Vocabulary.Of(Exposure).WhenAbsent;
    /// <inheritdoc />
    public override string ToSyntax() => $"{ConditionParser.ExposedTo} {Vocabulary.Of(Exposure).Id}";
}

/// <summary>The organisation is one of the given types.</summary>
public sealed record TypeCondition(IReadOnlyList<OrganisationType> Types) : AtomCondition
{
    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => Types.Contains(profile.Type);

    /// <inheritdoc />
    public override string Explain(OrganisationProfile profile) => Holds(profile)
        ? Vocabulary.Of(profile.Type).WhenPresent
        : $"the organisation is {Vocabulary.Of(profile.Type).Noun}, not {Nouns("or")}";

    /// <inheritdoc />
    public override string Describe() => $"the organisation is {Nouns("or")}";
    /// <inheritdoc />
    public override string DescribeNegated() => $"the organisation is not {Nouns("or")}";

    /// <inheritdoc />
    public override string ToSyntax() => Types.Count == 1
        ? $"type is {Vocabulary.Of(Types[0]).Id}"
        : $"type in ({string.Join(", ", Types.Select(t => Vocabulary.Of(t).Id))})";

    /// <inheritdoc />
    public bool Equals(TypeCondition? other) => other is not null && Types.SequenceEqual(other.Types);
    /// <inheritdoc />
    public override int GetHashCode() => Types.Aggregate(17, (h, t) => (h * 31) + (int)t);

    private string Nouns(string conjunction) => JoinClauses(Types.Select(t => Vocabulary.Of(t).Noun), conjunction);
}

/// <summary>The organisation's current delivery model is the given one.</summary>
public sealed record DeliveryModelCondition(DeliveryModel Model) : AtomCondition
{
    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => profile.CurrentDelivery == Model;
    /// <inheritdoc />
    public override string Describe() => Vocabulary.Of(Model).WhenPresent;
    /// <inheritdoc />
    public override string DescribeNegated() => Vocabulary.Of(Model).WhenAbsent;
    /// <inheritdoc />
    public override string ToSyntax() => $"delivery_model is {Vocabulary.Of(Model).Id}";
}

/// <summary>Comparison operators for the headcount.</summary>
public enum Comparison
{
    /// <summary><c>&lt;</c></summary>
    Less,
    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,
    /// <summary><c>=</c></summary>
    Equal,
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
    /// <summary><c>&gt;</c></summary>
    Greater,
}

/// <summary>The headcount compares with a number.</summary>
public sealed record HeadcountCondition(Comparison Comparison, int Value) : AtomCondition
{
    /// <inheritdoc />
    public override bool Holds(OrganisationProfile profile) => Comparison switch
    {
        Comparison.Less => profile.Headcount < Value,
        Comparison.LessOrEqual => profile.Headcount <= Value,
        Comparison.Equal => profile.Headcount == Value,
        Comparison.GreaterOrEqual => profile.Headcount >= Value,
        Comparison.Greater => profile.Headcount > Value,
        _ => throw new InvalidOperationException($"Unknown comparison {Comparison}."),
    };

    /// <inheritdoc />
    public override string Explain(OrganisationProfile profile) =>
        $"the headcount is {profile.Headcount.ToString("N0", CultureInfo.InvariantCulture)}, " +
        (Holds(profile) ? Words(Comparison) : NegatedWords(Comparison)) + $" {Number}";

    /// <inheritdoc />
    public override string Describe() => $"the headcount is {Words(Comparison)} {Number}";
    /// <inheritdoc />
    public override string DescribeNegated() => $"the headcount is {NegatedWords(Comparison)} {Number}";

    /// <inheritdoc />
    public override string ToSyntax() => $"headcount {Symbol(Comparison)} {Value.ToString(CultureInfo.InvariantCulture)}";

    private string Number => Value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Symbol(Comparison c) => c switch
    {
        Comparison.Less => "<",
        Comparison.LessOrEqual => "<=",
        Comparison.Equal => "=",
        Comparison.GreaterOrEqual => ">=",
        _ => ">",
    };

    private static string Words(Comparison c) => c switch
    {
        Comparison.Less => "below",
        Comparison.LessOrEqual => "at most",
        Comparison.Equal => "exactly",
        Comparison.GreaterOrEqual => "at least",
        _ => "above",
    };

    private static string NegatedWords(Comparison c) => c switch
    {
        Comparison.Less => "at least",
        Comparison.LessOrEqual => "above",
        Comparison.Equal => "other than",
        Comparison.GreaterOrEqual => "below",
        _ => "at most",
    };
}
