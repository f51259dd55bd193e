using System.Globalization;
using System.IO.Compression;

namespace ShopApp.Services;

/// <summary>Stores the files customers attach to support tickets (uploaded as one zip).</summary>
public sealed class AttachmentService(IWebHostEnvironment environment)
{
    public IReadOnlyList<string> ExtractArchive(int ticketId, Stream archive)
    {
        var destination = Path.Combine(environment.ContentRootPath, "App_Data", "attachments", ticketId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(destination);
        var saved = new List<string>();
        using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            if (string.IsNullOrEmpty(entry.Name))
            {
                continue; // a folder entry
            }

            var target = Path.Combine(destination, entry.FullName);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: true); // VULN V05
            saved.Add(entry.FullName);
        }

        return saved;
    }
}
