using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Osprey.Server.Disclosure;

/// <summary>
/// What a maintainer receives: a zip with an index, one Markdown report per case and each case's
/// replay artifact, built in memory. Only signed-off cases of that maintainer may go in.
/// </summary>
internal static class MaintainerReportBundle
{
    public static byte[] Build(MaintainerContact maintainer, IReadOnlyList<DisclosureCase> cases, DisclosurePolicy policy, DateTimeOffset now)
    {
        foreach (var c in cases)
        {
            if (c.SignOff is null) throw DisclosureException.NotSignedOff(c.Id);
            if (c.Maintainer.Id != maintainer.Id) throw new ArgumentException($"Case {c.Id} belongs to maintainer {c.Maintainer.Id}, not {maintainer.Id}.", nameof(cases));
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.md", Index(maintainer, cases), now);
            foreach (var c in cases)
            {
                Add(zip, $"{c.Id}/report.md", MaintainerReportMarkdown.Render(c, policy, now), now);
                if (c.Finding.Verification.Proof?.Replay is { } replay)
                {
                    Add(zip, $"{c.Id}/{SafeName(replay.FileName ?? "replay." + replay.Kind)}", replay.Content, now);
                }
            }
        }

        return buffer.ToArray();
    }

    private static string Index(MaintainerContact maintainer, IReadOnlyList<DisclosureCase> cases)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Security reports for {maintainer.Name}").AppendLine().AppendLine();
        sb.AppendLine(DisclosureCase.AutomatedSystemLabel).AppendLine();
        foreach (var c in cases)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- [{c.Id}]({c.Id}/report.md): {c.Finding.Title} in {c.Asset.Name} ({c.Tlp.ToDisplayName()})").AppendLine();
        }

        return sb.ToString();
    }

    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(file) || file is "." or ".." ? "replay.txt" : file;
    }

    private static void Add(ZipArchive zip, string name, string content, DateTimeOffset now)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = now;
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
