using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Commissioning.Core.Files;

/// <summary>
/// Turns the bytes of an input file into text, or says plainly why they are not text this
/// toolkit reads: binary data, UTF-16 without a byte order mark, or bytes that are not UTF-8
/// (such as a file saved as Latin-1 or Windows-1252). Nothing is guessed or replaced: a byte
/// that cannot be read is reported with its offset and line, never read as something else.
/// Reading the bytes is the caller's job (Core does no I/O).
/// </summary>
public static class FileText
{
    // How much of the start of a file is looked at to recognise UTF-16 without a byte order mark.
    private const int Utf16Sample = 4096;

    // The C0 control bytes that plain text never holds: all but tab, line feed and carriage return.
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not (0x09 or 0x0A or 0x0D)).Select(b => (byte)b)]);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The text of a file. UTF-8 with or without a byte order mark is read; so is UTF-16 that
    /// starts with its byte order mark, as Windows editors write it. Anything else, and any control
    /// character other than tab, line feed and carriage return, is a problem at <c>$</c> (the whole file).
    /// </summary>
    public static FileReadResult<string> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return Failure("The file is saved as UTF-32 text. Save it as UTF-8.");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Utf16(bytes[2..], bigEndian: false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Utf16(bytes[2..], bigEndian: true);
        }

        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        return Utf8Problem(bytes, start) is { } problem ? Failure(problem) : FileReadResult.Success(StrictUtf8.GetString(bytes[start..]));
    }

    /// <summary>
    /// The same checks as <see cref="Decode"/>, giving the text as UTF-8 bytes instead of a string:
    /// the bytes themselves (after any byte order mark) when they are UTF-8, so that a large file
    /// is not held twice; UTF-16 with its byte order mark is converted.
    /// </summary>
    public static FileReadResult<ReadOnlyMemory<byte>> Utf8Text(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            var decoded = Decode(span);
            return decoded.Succeeded
                ? FileReadResult.Success<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes(decoded.Value))
                : FileReadResult.Failure<ReadOnlyMemory<byte>>(decoded.Problems);
        }

        var start = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        return Utf8Problem(span, start) is { } problem
            ? FileReadResult.Failure<ReadOnlyMemory<byte>>("$", problem)
            : FileReadResult.Success(bytes[start..]);
    }

    /// <summary>What stops bytes (from <paramref name="start"/>, after any byte order mark) being read as UTF-8 text, or null.</summary>
    private static string? Utf8Problem(ReadOnlySpan<byte> bytes, int start)
    {
        if (start == 0 && LooksLikeUtf16(bytes))
        {
            return "The file looks like UTF-16 text saved without a byte order mark (every other byte is zero). Save it as UTF-8.";
        }

        // Bytes below 0x20 never occur inside a multi-byte UTF-8 character, so this finds binary
        // data whatever else the file holds.
        if (bytes[start..].IndexOfAny(ControlBytes) is >= 0 and var found)
        {
            var i = start + found;
            return $"The file is not a text file: the byte at offset {i.ToString("N0", CultureInfo.InvariantCulture)} ({Where(bytes, i)}) is the control character 0x{bytes[i]:X2}. Check that this is the file you meant; it should be text saved as UTF-8.";
        }

        var body = bytes[start..];
        if (!Utf8.IsValid(body))
        {
            var offset = start + FirstInvalidUtf8(body);
            return $"The file is not valid UTF-8 text: the byte at offset {offset.ToString("N0", CultureInfo.InvariantCulture)} ({Where(bytes, offset)}) is 0x{bytes[offset]:X2}, which is not part of a UTF-8 character. It may have been saved as Latin-1 or Windows-1252: save it as UTF-8.";
        }

        return null;
    }

    /// <summary>UTF-16 after its byte order mark, read a code unit at a time so that half a character is found and placed.</summary>
    private static FileReadResult<string> Utf16(ReadOnlySpan<byte> body, bool bigEndian)
    {
        if (body.Length % 2 != 0)
        {
            return Failure($"The file starts as UTF-16 text but ends in the middle of a character (byte offset {(body.Length + 1).ToString("N0", CultureInfo.InvariantCulture)}). Save it as UTF-8.");
        }

        var units = new char[body.Length / 2];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = (char)(bigEndian ? (body[2 * i] << 8) | body[(2 * i) + 1] : body[2 * i] | (body[(2 * i) + 1] << 8));
        }

        for (var i = 0; i < units.Length; i++)
        {
            if (char.IsHighSurrogate(units[i]) && i + 1 < units.Length && char.IsLowSurrogate(units[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(units[i]))
            {
                return Failure($"The file starts as UTF-16 text but is not valid UTF-16: the two bytes at offset {(2 + (2 * i)).ToString("N0", CultureInfo.InvariantCulture)} are half of a character. Save it as UTF-8.");
            }
        }

        var text = new string(units);
        var line = 1;
        var position = 0;
        foreach (var c in text)
        {
            position++;
            if (c < 0x20 && ControlBytes.Contains((byte)c))
            {
                return Failure($"The file is not a text file: line {line}, position {position} is the control character 0x{(int)c:X2}. Check that this is the file you meant; it should be text saved as UTF-8.");
            }

            if (c == '\n')
            {
                line++;
                position = 0;
            }
        }

        return FileReadResult.Success(text);
    }

    /// <summary>The offset of the first byte that does not begin a valid UTF-8 character.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    /// <summary>
    /// Text that is mostly ASCII saved as UTF-16 has a zero in every other byte: at odd offsets
    /// for little-endian, even ones for big-endian. UTF-8 text has none.
    /// </summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, Utf16Sample) & ~1)];
        var pairs = sample.Length / 2;
        if (pairs == 0)
        {
            return false;
        }

        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            zeroEven += sample[i] == 0 ? 1 : 0;
            zeroOdd += sample[i + 1] == 0 ? 1 : 0;
        }

        // Most characters have a zero on one side, and almost none on the other. A few bytes are
        // too few to tell.
        if (pairs < 4)
        {
            return false;
        }

        return (zeroOdd * 10 >= pairs * 3 && zeroEven * 10 <= zeroOdd) || (zeroEven * 10 >= pairs * 3 && zeroOdd * 10 <= zeroEven);
    }

    /// <summary>"line 3, position 14" for a byte offset: lines counted by line feeds, positions in characters.</summary>
    private static string Where(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var position = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return $"line {line}, position {position}";
    }

    private static FileReadResult<string> Failure(string message) => FileReadResult.Failure<string>("$", message);
}
