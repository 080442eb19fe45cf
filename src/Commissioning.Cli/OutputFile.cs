using System.Text;

namespace Commissioning.Cli;

/// <summary>
/// The one way the command line writes an output file: into a temporary file beside the target,
/// flushed to disk, then moved over the target, so an interrupted or failed run never leaves a
/// half-written document or workbook. The temporary file is always removed; a failure to write is
/// thrown (<see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>) for the
/// command to report in its own words.
/// </summary>
internal static class OutputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes what <paramref name="write"/> puts in the stream as the whole of <paramref name="path"/>.</summary>
    public static void WriteWhole(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static void WriteWhole(string path, string text) => WriteWhole(path, stream => stream.Write(Utf8.GetBytes(text)));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind only if the folder stopped being writable; the target is untouched.
        }
    }
}
