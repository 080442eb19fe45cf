namespace Commissioning.Application;

/// <summary>Where a problem is: a place in a JSON file, a field of a form, or a cell of a workbook.</summary>
public abstract record ErrorLocation
{
    /// <summary>The place in words a person can follow, such as <c>$.bids[2].price</c>, <c>Score</c> or <c>Scores!C7</c>.</summary>
    public abstract string Describe();
}

/// <summary>A place in a JSON file, such as <c>$.tender.lots[0].qualityWeight</c>.</summary>
/// <param name="Path">The JSON path.</param>
public sealed record JsonPathLocation(string Path) : ErrorLocation
{
    /// <inheritdoc />
    public override string Describe() => Path;
}

/// <summary>A field of a form, named as the page model binds it, such as <c>Input.Score</c>.</summary>
/// <param name="Field">The field's name.</param>
public sealed record FormFieldLocation(string Field) : ErrorLocation
{
    /// <inheritdoc />
    public override string Describe() => Field;
}

/// <summary>A cell of a workbook, such as sheet <c>Scores</c>, cell <c>C7</c>.</summary>
/// <param name="Sheet">The sheet's name.</param>
/// <param name="Cell">The cell's address.</param>
public sealed record CellLocation(string Sheet, string Cell) : ErrorLocation
{
    /// <inheritdoc />
    public override string Describe() => $"{Sheet}!{Cell}";
}

/// <summary>What kind of failure: it decides how the caller answers (an exit code, a status, a page).</summary>
public enum FailureKind
{
    /// <summary>The input could not be read at all (not JSON, wrong format, wrong shape).</summary>
    Unreadable,
    /// <summary>The input was read but breaks the rules (weights, ids, scores out of range).</summary>
    Invalid,
    /// <summary>The change is not allowed now (the tender's stage forbids it, or a score is already submitted).</summary>
    Refused,
    /// <summary>Someone else saved the same thing first; nothing was overwritten.</summary>
    Conflict,
    /// <summary>There is no such tender (or no such thing on it).</summary>
    NotFound,
}

/// <summary>One problem, in plain English, with where it is when that is known.</summary>
/// <param name="Message">What is wrong, in plain English.</param>
/// <param name="Location">Where, or null when the problem is not about one place.</param>
public sealed record AppError(string Message, ErrorLocation? Location = null);

/// <summary>The result of an application operation: a value, or the kind of failure with every problem found.</summary>
/// <typeparam name="T">The value.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Outcome<T>.Success and Fail read better at the call site than a separate factory class.")]
public sealed class Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, FailureKind? failure, IReadOnlyList<AppError> errors)
    {
        _value = value;
        Failure = failure;
        Errors = errors;
    }

    /// <summary>True when the operation succeeded.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>The kind of failure, or null on success.</summary>
    public FailureKind? Failure { get; }

    /// <summary>Every problem found; empty on success.</summary>
    public IReadOnlyList<AppError> Errors { get; }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The operation failed.</exception>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException("The operation failed: " + Errors[0].Message);

    /// <summary>Success.</summary>
    public static Outcome<T> Success(T value) => new(value, null, []);

    /// <summary>Failure, with at least one problem.</summary>
    public static Outcome<T> Fail(FailureKind kind, IEnumerable<AppError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.ToList();
        return list.Count == 0 ? throw new ArgumentException("A failure needs at least one problem.", nameof(errors)) : new(default, kind, list);
    }

    /// <summary>Failure with one problem.</summary>
    public static Outcome<T> Fail(FailureKind kind, string message, ErrorLocation? location = null) => Fail(kind, [new AppError(message, location)]);

    /// <summary>The same failure for another value type.</summary>
    public Outcome<TOther> As<TOther>() => Succeeded
        ? throw new InvalidOperationException("Only a failure can be converted.")
        : Outcome<TOther>.Fail(Failure!.Value, Errors);
}
