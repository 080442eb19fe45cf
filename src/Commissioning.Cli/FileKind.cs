using System.Runtime.InteropServices;
using System.Text;

namespace Commissioning.Cli;

/// <summary>
/// What kind of thing a path names, so that devices (<c>/dev/zero</c>), named pipes and sockets
/// are refused before they are opened: reading a device never ends, and opening a named pipe
/// waits for a writer that may never come. .NET has no public call for the file type, so on
/// Linux and macOS this asks the runtime's own native layer (<c>SystemNative_Stat</c>, the call
/// behind <see cref="File.GetUnixFileMode(string)"/>), whose file status starts with two 32-bit
/// fields, flags then mode, with the type bits in the mode. If that call is not there, the type
/// is unknown and the file is read: the cap on the bytes read still stops a device.
/// </summary>
internal static partial class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    /// <summary>
    /// Words for what the path is when it is not a regular file ("a device", "a named pipe"),
    /// or null for a regular file, or when the type cannot be found out.
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            if (Stat(Encoding.UTF8.GetBytes(path + "\0"), out var status) != 0)
            {
                return null;
            }

            return (status.Mode & TypeMask) switch
            {
                CharacterDevice or BlockDevice => "a device",
                Fifo => "a named pipe",
                Socket => "a socket",
                _ => null,
            };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // The path is passed as null-terminated UTF-8 bytes, as the native layer takes it. Follows symbolic links, so a link to /dev/zero is seen as the device. The buffer is larger
    // than the runtime's file status so that fields added in later versions still fit.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat(byte[] utf8Path, out FileStatus output);

    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
