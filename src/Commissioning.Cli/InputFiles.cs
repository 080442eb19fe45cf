using Commissioning.Core.Files;

namespace Commissioning.Cli;

/// <summary>Opens a file for reading. The seam through which tests make opening fail as the system would (permission denied), which a test run as root cannot arrange with file permissions.</summary>
/// <param name="fullPath">The full path of the file.</param>
internal delegate Stream OpenFile(string fullPath);

/// <summary>Why a file could not be read: a usage mistake (no such file, not a file, no permission) or a problem with what it holds.</summary>
internal enum ReadFailure
{
    /// <summary>Nothing failed.</summary>
    None,

    /// <summary>The name does not lead to a readable file: exit code 2.</summary>
    Usage,

    /// <summary>The file was read but is not text this toolkit reads: exit code 1.</summary>
    Content,
}

/// <summary>The text of a file, or why it could not be read.</summary>
internal sealed record InputText(string? Text, ReadFailure Failure, string? Message)
{
    public static InputText Of(string text) => new(text, ReadFailure.None, null);

    public static InputText Usage(string message) => new(null, ReadFailure.Usage, message);

    public static InputText Content(string message) => new(null, ReadFailure.Content, message);
}

/// <summary>The text of a file as UTF-8 bytes, or why it could not be read.</summary>
internal sealed record InputUtf8(ReadOnlyMemory<byte> Utf8, ReadFailure Failure, string? Message);

/// <summary>The bytes of a file, or why it could not be read.</summary>
internal sealed record InputBytes(byte[]? Bytes, ReadFailure Failure, string? Message)
{
    public static InputBytes Usage(string message) => new(null, ReadFailure.Usage, message);
}

/// <summary>
/// Reads input files for the commands: refuses what is not a regular file before opening it,
/// reads no more than <see cref="Limit"/> bytes whatever the file system says its length is, and
/// turns the bytes into text with <see cref="FileText.Decode"/>. Every failure is a plain message
/// naming the file; nothing throws past here.
/// </summary>
internal sealed class InputFiles(OpenFile open)
{
    /// <summary>The most bytes read from one file.</summary>
    public const int Limit = 50 * 1024 * 1024;

    /// <summary>How the command line opens files outside tests.</summary>
    public static Stream OpenForReading(string fullPath) =>
        new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    /// <summary>Reads a file; <paramref name="shown"/> is the name as the user gave it, for messages.</summary>
    public InputText Read(string shown, string fullPath)
    {
        var read = ReadBytes(shown, fullPath);
        if (read.Failure != ReadFailure.None)
        {
            return new InputText(null, read.Failure, read.Message);
        }

        var decoded = FileText.Decode(read.Bytes!);
        return decoded.Succeeded ? InputText.Of(decoded.Value) : InputText.Content(decoded.Problems[0].Message);
    }

    /// <summary>
    /// Reads a text file as UTF-8 bytes, with every refusal of <see cref="Read"/>, for large
    /// files read straight from their bytes (see <see cref="FileText.Utf8Text"/>).
    /// </summary>
    public InputUtf8 ReadUtf8(string shown, string fullPath)
    {
        var read = ReadBytes(shown, fullPath);
        if (read.Failure != ReadFailure.None)
        {
            return new InputUtf8(default, read.Failure, read.Message);
        }

        var text = FileText.Utf8Text(read.Bytes!);
        return text.Succeeded ? new InputUtf8(text.Value, ReadFailure.None, null) : new InputUtf8(default, ReadFailure.Content, text.Problems[0].Message);
    }

    /// <summary>Reads a file's bytes (a workbook), with every refusal of <see cref="Read"/> but the text checks.</summary>
    public InputBytes ReadBytes(string shown, string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            return InputBytes.Usage($"'{shown}' is a folder. Name a file.");
        }

        if (!File.Exists(fullPath))
        {
            return InputBytes.Usage($"The file '{shown}' does not exist.");
        }

        if (FileKind.NotRegular(fullPath) is { } kind)
        {
            return InputBytes.Usage($"'{shown}' is {kind}, not a file. Name a file saved on disk.");
        }

        byte[]? bytes;
        try
        {
            using var stream = open(fullPath);
            bytes = ReadAtMost(stream, Limit);
        }
        catch (UnauthorizedAccessException)
        {
            return InputBytes.Usage($"You do not have permission to read the file '{shown}'. Check its permissions, or copy it somewhere you can read it.");
        }
        catch (IOException exception)
        {
            return InputBytes.Usage($"The file '{shown}' could not be read: {exception.Message}");
        }

        return bytes is null
            ? InputBytes.Usage($"The file '{shown}' is larger than {Limit / 1024 / 1024} MB; this tool does not read files that large.")
            : new InputBytes(bytes, ReadFailure.None, null);
    }

    /// <summary>The stream's bytes, or null if there are more than <paramref name="limit"/>. Reads at most one byte past the limit.</summary>
    private static byte[]? ReadAtMost(Stream stream, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1L - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
