namespace Commissioning.Core.Files;

/// <summary>
/// The outcome of reading a file: either the value it holds or the problems that stopped it
/// being read, never both.
/// </summary>
/// <typeparam name="T">What the file holds.</typeparam>
public sealed class FileReadResult<T>
{
    private readonly T? _value;

    internal FileReadResult(T value)
    {
        _value = value;
        Problems = [];
    }

    internal FileReadResult(IReadOnlyList<FileProblem> problems)
    {
        _value = default;
        Problems = problems;
    }

    /// <summary>True when the file was read and <see cref="Value"/> holds what it contains.</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>What the file holds.</summary>
    /// <exception cref="InvalidOperationException">The file could not be read; see <see cref="Problems"/>.</exception>
    public T Value => Succeeded
        ? _value!
        : throw new InvalidOperationException("The file could not be read: " + Problems[0].Message);

    /// <summary>Why the file could not be read, in the order the problems occur in it; empty on success.</summary>
    public IReadOnlyList<FileProblem> Problems { get; }
}

/// <summary>Makes <see cref="FileReadResult{T}"/> values.</summary>
public static class FileReadResult
{
    /// <summary>A file that was read.</summary>
    public static FileReadResult<T> Success<T>(T value) => new(value);

    /// <summary>A file that could not be read, with at least one problem.</summary>
    /// <exception cref="ArgumentException">No problems were given.</exception>
    public static FileReadResult<T> Failure<T>(IEnumerable<FileProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToList();
        return list.Count == 0
            ? throw new ArgumentException("A failed read needs at least one problem.", nameof(problems))
            : new FileReadResult<T>(list);
    }

    /// <summary>A file that could not be read, for one problem.</summary>
    public static FileReadResult<T> Failure<T>(string path, string message) => Failure<T>([new FileProblem(path, message)]);
}
