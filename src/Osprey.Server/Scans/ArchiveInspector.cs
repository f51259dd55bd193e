using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Osprey.Server.Assets;

namespace Osprey.Server.Scans;

/// <summary>
/// Walks a zip or tar.gz without trusting it: every entry path is checked (no absolute paths, no
/// <c>..</c>), links and special files are refused, nested archives are refused by name and by
/// magic bytes, and sizes and counts are measured while decompressing, not read from headers. With
/// a destination folder it extracts; without one it only inspects. Nothing is left behind on
/// failure: the caller deletes the folder.
/// </summary>
internal static class ArchiveInspector
{
    private static readonly string[] NestedExtensions =
        [".zip", ".jar", ".war", ".ear", ".nupkg", ".tar", ".tgz", ".gz", ".bz2", ".xz", ".zst", ".7z", ".rar", ".lz", ".lzma", ".cab", ".apk", ".whl"];

    public static (ArchiveInspection? Inspection, ArchiveError? Error) Inspect(byte[] content, string format, ArchiveLimits limits, string? extractTo = null) =>
        Inspect(new MemoryStream(content, writable: false), format, limits, extractTo);

    /// <summary>
    /// Walks <paramref name="content"/> as <c>zip</c>, <c>tar.gz</c> or plain <c>tar</c> (what
    /// <c>git archive</c> writes for a fetched repository). A tar stream is read once, front to
    /// back, so it may be a pipe.
    /// </summary>
    public static (ArchiveInspection? Inspection, ArchiveError? Error) Inspect(Stream content, string format, ArchiveLimits limits, string? extractTo = null)
    {
        var walk = new Walk(limits, extractTo);
        try
        {
            var error = format switch
            {
                "zip" => WalkZip(content, walk),
                "tar" => WalkTar(content, walk),
                _ => WalkTarGz(content, walk),
            };
            return error is null ? (new ArchiveInspection(walk.Files, walk.Bytes, walk.Tokens), null) : (null, error);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or ArgumentException or NotSupportedException)
        {
            return (null, ArchiveError.Invalid(ex.Message));
        }
    }

    private static ArchiveError? WalkZip(Stream content, Walk walk)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries)
        {
            var unixType = (entry.ExternalAttributes >> 16) & 0xF000;
            var isDirectory = entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');
            if (unixType == 0xA000) return ArchiveError.Link(entry.FullName, "symbolic link");
            if (unixType is not (0 or 0x8000 or 0x4000)) return ArchiveError.Special(entry.FullName);
            if (walk.Check(entry.FullName, isDirectory) is { } error) return error;
            if (!isDirectory)
            {
                using var data = entry.Open();
                if (walk.CopyFile(entry.FullName, data) is { } copyError) return copyError;
            }
        }

        return null;
    }

    private static ArchiveError? WalkTarGz(Stream content, Walk walk)
    {
        using var gzip = new GZipStream(content, CompressionMode.Decompress, leaveOpen: true);
        return WalkTar(gzip, walk);
    }

    private static ArchiveError? WalkTar(Stream content, Walk walk)
    {
        using var tar = new TarReader(content, leaveOpen: true);
        while (tar.GetNextEntry() is { } entry)
        {
            switch (entry.EntryType)
            {
                case TarEntryType.SymbolicLink:
                    return ArchiveError.Link(entry.Name, "symbolic link");
                case TarEntryType.HardLink:
                    return ArchiveError.Link(entry.Name, "hard link");
                case TarEntryType.Directory:
                    if (walk.Check(entry.Name, isDirectory: true) is { } dirError) return dirError;
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    if (walk.Check(entry.Name, isDirectory: false) is { } fileError) return fileError;
                    if (walk.CopyFile(entry.Name, entry.DataStream ?? Stream.Null) is { } copyError) return copyError;
                    break;
                default:
                    return ArchiveError.Special(entry.Name);
            }
        }

        return null;
    }

    private sealed class Walk(ArchiveLimits limits, string? root)
    {
        private readonly string? _root = root is null ? null : Path.GetFullPath(root) + Path.DirectorySeparatorChar;

        public int Files { get; private set; }

        public long Bytes { get; private set; }

        public List<string> Tokens { get; } = [];

        public ArchiveError? Check(string name, bool isDirectory)
        {
            if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal)) return ArchiveError.Invalid("an entry has an empty or NUL-containing name");
            var normalized = name.Replace('\\', '/');
            if (normalized.StartsWith('/') || (normalized.Length >= 2 && normalized[1] == ':' && char.IsAsciiLetter(normalized[0])))
                return ArchiveError.Absolute(name);
            var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Any(s => s == "..")) return ArchiveError.Traversal(name);
            if (isDirectory)
            {
                if (_root is not null) Directory.CreateDirectory(Target(segments));
                return null;
            }

            if (++Files > limits.MaxFiles) return ArchiveError.TooManyFiles(limits.MaxFiles);
            if (NestedExtensions.Any(e => normalized.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return ArchiveError.Nested(name);
            return null;
        }

        public ArchiveError? CopyFile(string name, Stream data)
        {
            var segments = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            using var output = _root is null ? null : CreateFile(segments);
            var buffer = new byte[81920];
            var first = true;
            var kept = new MemoryStream();
            int read;
            while ((read = data.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (first && LooksLikeArchive(buffer.AsSpan(0, read))) return ArchiveError.Nested(name);
                first = false;
                Bytes += read;
                if (Bytes > limits.MaxExtractedBytes) return ArchiveError.TooLargeExtracted(limits.MaxExtractedBytes);
                output?.Write(buffer, 0, read);
                if (segments[^1] == AssetOwnership.TokenFileName && kept.Length < 4096) kept.Write(buffer, 0, Math.Min(read, 4096));
            }

            if (kept.Length > 0) Tokens.Add(Encoding.UTF8.GetString(kept.ToArray()));
            return null;
        }

        private FileStream CreateFile(string[] segments)
        {
            var path = Target(segments);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        }

        private string Target(string[] segments)
        {
            var path = Path.GetFullPath(Path.Combine(_root!, Path.Combine(segments)));
            // Defence in depth: the segment checks above already rule this out.
            if (!path.StartsWith(_root!, StringComparison.Ordinal) && path + Path.DirectorySeparatorChar != _root)
                throw new InvalidDataException("entry resolves outside the extraction folder");
            return path;
        }

        private static bool LooksLikeArchive(ReadOnlySpan<byte> head) =>
            head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith(new byte[] { 0x1F, 0x8B }) || head.StartsWith(new byte[] { 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C })
            || head.StartsWith("Rar!"u8) || head.StartsWith("BZh"u8) || head.StartsWith(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A })
            || (head.Length > 262 && head[257..262].SequenceEqual("ustar"u8));
    }
}
