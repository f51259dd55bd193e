using System.Collections.Immutable;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Osprey.Server.Abuse;

/// <summary>
/// Reads what the abuse signals keep of an archive that was already accepted (and so already
/// checked by the archive inspector): its file paths, and a text sample of at most
/// <see cref="MaxSample"/> characters — up to <see cref="MaxPerFile"/> of each source file, in path
/// order — so a small submission is sampled whole and a large one by its first files.
/// </summary>
internal static class SubmissionSketcher
{
    public const int MaxSample = 4096;
    public const int MaxPerFile = 1024;
    public const int MaxPaths = 2000;

    private static readonly HashSet<string> SourceExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".c", ".h", ".cpp", ".cc", ".hpp", ".cxx", ".js", ".ts", ".java", ".py", ".go", ".rs", ".php", ".rb", ".vb", ".fs", ".cshtml", ".razor", ".sql",
    };

    public sealed record Sketch(ImmutableArray<string> Paths, string TextSample, int FileCount);

    public static Sketch Of(byte[] archive, string format)
    {
        var files = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var count = 0;
        try
        {
            foreach (var (path, read) in format == "zip" ? Zip(archive) : TarGz(archive))
            {
                count++;
                if (files.Count >= MaxPaths) continue;
                files[path.Replace('\\', '/').TrimStart('/')] = SourceExtensions.Contains(Path.GetExtension(path)) ? read() : null;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
        {
            // The inspector accepted the archive; a sketch of what could be read is still useful.
        }

        var sample = new StringBuilder();
        foreach (var text in files.Values)
        {
            if (text is null) continue;
            if (sample.Length >= MaxSample) break;
            sample.Append(text.AsSpan(0, Math.Min(text.Length, Math.Min(MaxPerFile, MaxSample - sample.Length)))).Append('\n');
        }

        return new Sketch([.. files.Keys], sample.ToString(), count);
    }

    private static IEnumerable<(string Path, Func<string> Read)> Zip(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive, writable: false), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\')) continue;
            yield return (entry.FullName, () => ReadPrefix(entry.Open()));
        }
    }

    private static IEnumerable<(string Path, Func<string> Read)> TarGz(byte[] archive)
    {
        using var gzip = new GZipStream(new MemoryStream(archive, writable: false), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile)) continue;
            var data = entry.DataStream;
            yield return (entry.Name, () => data is null ? "" : ReadPrefix(data, dispose: false));
        }
    }

    private static string ReadPrefix(Stream stream, bool dispose = true)
    {
        try
        {
            var buffer = new char[MaxPerFile];
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: !dispose);
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return new string(buffer, 0, read);
        }
        finally
        {
            if (dispose) stream.Dispose();
        }
    }
}
