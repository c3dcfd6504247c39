using MotorTrace.Web.Hosting;

namespace MotorTrace.Web.Services.Files;

/// <summary>A kind of file the dealer accepts, known by its first bytes.</summary>
public sealed record FileKind(string Name, string ContentType, string Extension, bool IsImage);

/// <summary>A file written to the store: its key (kept on the record), type and size.</summary>
public sealed record StoredFile(string Key, string ContentType, long Size);

/// <summary>
/// Photos and documents of work orders, on disk under the app's data folder (never under wwwroot): one folder per
/// dealer, each file under a generated name. What a file is comes from its signature bytes, not its name, so a
/// program renamed to photo.jpg is refused; the size limit and the accepted kinds are the dealer's settings.
/// </summary>
public sealed class AttachmentStore(IConfiguration configuration, IHostEnvironment environment)
{
    public static readonly IReadOnlyList<FileKind> Kinds =
    [
        new("jpeg", "image/jpeg", ".jpg", true),
        new("png", "image/png", ".png", true),
        new("webp", "image/webp", ".webp", true),
        new("pdf", "application/pdf", ".pdf", false),
    ];

    private const string Folder = "attachments";

    /// <summary>The folder files are written to: App_Data/attachments unless the data folder is configured elsewhere.</summary>
    public string Root => Path.Combine(MotorTraceOptions.ResolveDataFolder(configuration, environment), Folder);

    /// <summary>The kind the bytes are, or null when they are none of the known kinds.</summary>
    public static FileKind? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return Kinds[0];
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Kinds[1];
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return Kinds[2];
        if (head.StartsWith("%PDF-"u8)) return Kinds[3];
        return null;
    }

    /// <summary>The dealer's accepted kinds from its setting ("jpeg,png,webp,pdf"); unknown names are ignored.</summary>
    public static IReadOnlyList<FileKind> Accepted(string? setting) =>
        [.. (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant() is "jpg" ? "jpeg" : n.ToLowerInvariant())
            .Select(n => Kinds.FirstOrDefault(k => k.Name == n)).OfType<FileKind>().Distinct()];

    public static string Describe(IEnumerable<FileKind> kinds) => string.Join(", ", kinds.Select(k => k.Name.ToUpperInvariant()));

    /// <summary>
    /// Reads the upload (at most <paramref name="maxBytes"/>), checks its kind by signature and writes it under a generated
    /// name in the dealer's folder. Refusals name the field they belong to ("File").
    /// </summary>
    public async Task<ServiceResult<StoredFile>> SaveAsync(Guid dealerId, Stream content, long maxBytes, IReadOnlyList<FileKind> accepted, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return TooBig(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return ServiceResult.Fail("File", "The file is empty.");
        var kind = Detect(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 16)));
        if (kind is null || !accepted.Contains(kind))
            return ServiceResult.Fail("File", $"This file is not one of the accepted kinds ({Describe(accepted)}): its content is checked, not its name.");

        var key = $"{Folder}/{dealerId:N}/{Guid.CreateVersion7():N}{kind.Extension}";
        var path = PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        buffer.Position = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            await buffer.CopyToAsync(file, cancellationToken);
        return new ServiceResult<StoredFile>(new StoredFile(key, kind.ContentType, buffer.Length), ServiceResult.Ok);
    }

    public static ServiceResult TooBig(long maxBytes) =>
        ServiceResult.Fail("File", $"The file is larger than {maxBytes / (1024 * 1024)} MB, the limit for attachments.");

    /// <summary>Opens a stored file for reading, or null when it is gone.</summary>
    public Stream? Open(string key) => PathOf(key) is { } path && File.Exists(path) ? File.OpenRead(path) : null;

    public void Delete(string key)
    {
        if (PathOf(key) is { } path && File.Exists(path)) File.Delete(path);
    }

    /// <summary>The full path of a key this store generated; anything else (a path that climbs out, a URL) is null.</summary>
    public string? PathOf(string key)
    {
        var parts = key.Split('/');
        if (parts is not [Folder, var dealer, var name] || !Guid.TryParseExact(dealer, "N", out _)
            || name.Length < 33 || !Guid.TryParseExact(name[..32], "N", out _) || Kinds.All(k => k.Extension != name[32..]))
            return null;
        return Path.Combine(Root, dealer, name);
    }

    public static FileKind? KindOf(string key) => Kinds.FirstOrDefault(k => key.EndsWith(k.Extension, StringComparison.Ordinal));
}
