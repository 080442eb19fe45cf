using System.Globalization;
using Commissioning.Core.Profiles;

namespace Commissioning.Core.Conditions;

/// <summary>A condition that could not be parsed, with the 1-based column of the problem.</summary>
public sealed class ConditionSyntaxException(string message, int column) : Exception(message)
{
    /// <summary>1-based column within the condition text.</summary>
    public int Column { get; } = column;
}

/// <summary>
/// Parses the condition language of the standards files (see docs/standards-format.md):
/// <c>always</c>, <c>hosts_medical_trainees</c>, <c>has_population_health_needs</c>,
/// <c>smaller_organisation</c>, <c>exposed_to X</c>, <c>type is X</c>, <c>type in (X, Y)</c>,
/// <c>delivery_model is X</c>, <c>headcount &gt;= N</c>, combined with <c>and</c>, <c>or</c>,
/// <c>not</c> and parentheses. <c>and</c> binds tighter than <c>or</c>.
/// </summary>
public static class ConditionParser
{
    internal const string Always = "always";
    internal const string HostsMedicalTrainees = "hosts_medical_trainees";
    internal const string HasPopulationHealthNeeds = "has_population_health_needs";
    internal const string SmallerOrganisation = "smaller_organisation";
    internal const string ExposedTo = "exposed_to";
    internal const string Type = "type";
    internal const string DeliveryModelField = "delivery_model";
    internal const string Headcount = "headcount";

    /// <summary>How deeply parentheses and <c>not</c> may nest; a real condition needs two or three levels.</summary>
    public const int MaximumDepth = 16;

    /// <summary>How many tests on the profile one condition may combine; a real condition needs a handful.</summary>
    public const int MaximumTerms = 32;

    /// <summary>Every field name the language knows, for error messages and documentation.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        [Always, HostsMedicalTrainees, HasPopulationHealthNeeds, SmallerOrganisation, ExposedTo, Type, DeliveryModelField, Headcount];

    /// <summary>Parses a condition, or throws <see cref="ConditionSyntaxException"/> saying what is wrong and where.</summary>
    public static Condition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(Tokenise(text), text.Length);
        var condition = parser.ParseOr();
        parser.ExpectEnd();
        return condition;
    }

    private enum Kind { Word, Number, Symbol, End }

    private readonly record struct Token(Kind Kind, string Text, int Column);

    private static List<Token> Tokenise(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Word, text[start..i], start + 1));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Number, text[start..i], start + 1));
            }
            else if (c is '(' or ')' or ',' or '=')
            {
                tokens.Add(new Token(Kind.Symbol, c.ToString(), start + 1));
                i++;
            }
            else if (c is '<' or '>')
            {
                i++;
                if (i < text.Length && text[i] == '=')
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Symbol, text[start..i], start + 1));
            }
            else
            {
                throw new ConditionSyntaxException($"Unexpected character '{c}'.", start + 1);
            }
        }

        tokens.Add(new Token(Kind.End, string.Empty, text.Length + 1));
        return tokens;
    }

    private sealed class Parser(List<Token> tokens, int length)
    {
        private int _position;
        private int _depth;
        private int _terms;

        private Token Current => tokens[_position];

        public Condition ParseOr()
        {
            var left = ParseAnd();
            while (IsWord("or"))
            {
                _position++;
                left = new OrCondition(left, ParseAnd());
            }

            return left;
        }

        public void ExpectEnd()
        {
            if (Current.Kind != Kind.End)
            {
                throw new ConditionSyntaxException($"Expected 'and', 'or' or the end of the condition but found '{Current.Text}'.", Current.Column);
            }
        }

        private Condition ParseAnd()
        {
            var left = ParseUnary();
            while (IsWord("and"))
            {
                _position++;
                left = new AndCondition(left, ParseUnary());
            }

            return left;
        }

        private Condition ParseUnary()
        {
            // Conditions are evaluated and explained recursively, so a hostile file must not be
            // able to nest them deeply enough to exhaust the stack.
            if (IsWord("not") || IsSymbol("("))
            {
                if (++_depth > MaximumDepth)
                {
                    throw new ConditionSyntaxException($"The condition nests 'not' and parentheses more than {MaximumDepth} deep. Write it more simply.", Current.Column);
                }

                Condition result;
                if (IsWord("not"))
                {
                    _position++;
                    result = new NotCondition(ParseUnary());
                }
                else
                {
                    _position++;
                    result = ParseOr();
                    Expect(")");
                }

                _depth--;
                return result;
            }

            return ParseAtom();
        }

        private Condition ParseAtom()
        {
            var token = Current;
            if (token.Kind == Kind.End)
            {
                throw new ConditionSyntaxException(length == 0 ? "The condition is empty. Write 'always' if it applies to every organisation." : "The condition ends too early.", token.Column);
            }

            if (token.Kind != Kind.Word)
            {
                throw new ConditionSyntaxException($"Expected a profile field but found '{token.Text}'.", token.Column);
            }

            if (++_terms > MaximumTerms)
            {
                throw new ConditionSyntaxException($"The condition combines more than {MaximumTerms} tests. Write it more simply.", token.Column);
            }

            _position++;
            switch (token.Text)
            {
                case Always:
                    return AlwaysCondition.Instance;
                case HostsMedicalTrainees:
                    return new HostsMedicalTraineesCondition();
                case HasPopulationHealthNeeds:
                    return new HasPopulationHealthNeedsCondition();
                case SmallerOrganisation:
                    return new SmallerOrganisationCondition();
                case ExposedTo:
                    {
                        var value = ExpectWord("an exposure");
                        return Vocabulary.TryGetExposure(value.Text, out var exposure)
                            ? new ExposedToCondition(exposure.Value)
                            : throw new ConditionSyntaxException(
                                $"Unknown exposure '{value.Text}'. Known exposures: {string.Join(", ", Vocabulary.Exposures.Select(e => e.Id))}.",
                                value.Column);
                    }

                case Type:
                    return ParseType();
                case DeliveryModelField:
                    {
                        ExpectKeyword("is");
                        var value = ExpectWord("a delivery model");
                        return Vocabulary.TryGetDeliveryModel(value.Text, out var model)
                            ? new DeliveryModelCondition(model.Value)
                            : throw new ConditionSyntaxException(
                                $"Unknown delivery model '{value.Text}'. Known delivery models: {string.Join(", ", Vocabulary.DeliveryModels.Select(e => e.Id))}.",
                                value.Column);
                    }

                case Headcount:
                    return ParseHeadcount();
                default:
                    throw new ConditionSyntaxException(
                        $"Unknown profile field '{token.Text}'. Known fields: {string.Join(", ", FieldNames)}.", token.Column);
            }
        }

        private TypeCondition ParseType()
        {
            if (IsWord("is"))
            {
                _position++;
                return new TypeCondition([ExpectType()]);
            }

            ExpectKeyword("in", "'is' or 'in'");
            Expect("(");
            var types = new List<OrganisationType> { ExpectType() };
            while (IsSymbol(","))
            {
                _position++;
                types.Add(ExpectType());
            }

            Expect(")");
            return new TypeCondition(types);
        }

        private OrganisationType ExpectType()
        {
            var value = ExpectWord("an organisation type");
            return Vocabulary.TryGetType(value.Text, out var type)
                ? type.Value
                : throw new ConditionSyntaxException(
                    $"Unknown organisation type '{value.Text}'. Known types: {string.Join(", ", Vocabulary.OrganisationTypes.Select(e => e.Id))}.",
                    value.Column);
        }

        private HeadcountCondition ParseHeadcount()
        {
            var op = Current;
            Comparison comparison = op.Text switch
            {
                "<" => Comparison.Less,
                "<=" => Comparison.LessOrEqual,
                "=" => Comparison.Equal,
                ">=" => Comparison.GreaterOrEqual,
                ">" => Comparison.Greater,
                _ => throw new ConditionSyntaxException($"Expected a comparison (<, <=, =, >=, >) after 'headcount' but found {Describe(op)}.", op.Column),
            };
            _position++;
            var number = Current;
            if (number.Kind != Kind.Number || !int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new ConditionSyntaxException($"Expected a whole number after '{op.Text}' but found {Describe(number)}.", number.Column);
            }

            _position++;
            return new HeadcountCondition(comparison, value);
        }

        private bool IsWord(string word) => Current.Kind == Kind.Word && Current.Text == word;

        private bool IsSymbol(string symbol) => Current.Kind == Kind.Symbol && Current.Text == symbol;

        private void Expect(string symbol)
        {
            if (!IsSymbol(symbol))
            {
                throw new ConditionSyntaxException($"Expected '{symbol}' but found {Describe(Current)}.", Current.Column);
            }

            _position++;
        }

        private void ExpectKeyword(string word, string? expected = null)
        {
            if (!IsWord(word))
            {
                throw new ConditionSyntaxException($"Expected {expected ?? $"'{word}'"} but found {Describe(Current)}.", Current.Column);
            }

            _position++;
        }

        private Token ExpectWord(string what)
        {
            var token = Current;
            if (token.Kind != Kind.Word)
            {
                throw new ConditionSyntaxException($"Expected {what} but found {Describe(token)}.", token.Column);
            }

            _position++;
            return token;
        }

        private static string Describe(Token token) => token.Kind == Kind.End ? "the end of the condition" : $"'{token.Text}'";
    }
}
