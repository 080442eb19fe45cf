namespace Commissioning.Web.Infrastructure;

/// <summary>Reads an uploaded file whole; its size has already been checked by the form's validator and the request limits.</summary>
public static class UploadedFile
{
    /// <summary>The file's bytes.</summary>
    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await stream.CopyToAsync(buffer, cancel);
        return buffer.ToArray();
    }
}
