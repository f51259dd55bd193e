using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Osprey.Server.Tests.Support;

/// <summary>Builds real zip and tar.gz archives, well-formed or hostile, in memory.</summary>
internal static class TestArchives
{
    public static byte[] Zip(params (string Path, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var stream = zip.CreateEntry(path).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    public static byte[] ZipWithSymlink(string path, string target)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(path);
            entry.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(target));
        }

        return buffer.ToArray();
    }

    /// <summary>One file of <paramref name="bytes"/> zeros: compresses to almost nothing.</summary>
    public static byte[] ZipBomb(long bytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry("zeros.txt", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[65536];
            for (long written = 0; written < bytes; written += chunk.Length) stream.Write(chunk);
        }

        return buffer.ToArray();
    }

    public static byte[] TarGz(params TarEntry[] entries)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries) tar.WriteEntry(entry);
        }

        return buffer.ToArray();
    }

    public static TarEntry File(string path, string content) =>
        new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };

    public static TarEntry Symlink(string path, string target) => new PaxTarEntry(TarEntryType.SymbolicLink, path) { LinkName = target };

    public static TarEntry HardLink(string path, string target) => new PaxTarEntry(TarEntryType.HardLink, path) { LinkName = target };

    /// <summary>A small C# file with <paramref name="execLines"/> lines that the test engine reports.</summary>
    public static string Source(params string[] execLines) =>
        "// input = Request.Query[\"q\"]\n" + string.Join('\n', execLines.Select(l => $"EXEC({l});")) + "\n";
}
