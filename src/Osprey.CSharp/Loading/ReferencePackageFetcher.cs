using System.IO.Compression;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Osprey.CSharp.Loading;

/// <summary>
/// Fetches a reference-assembly package (e.g. <c>Microsoft.NETFramework.ReferenceAssemblies.net48</c>)
/// from the configured NuGet v3 feed into Osprey's own cache, unpacking only the <c>*.dll</c> files
/// under <c>build/</c> and <c>ref/</c>. Reference assemblies hold metadata only, and no script,
/// target or other file of the package is written. Used only when the scan allows network.
/// </summary>
internal sealed class ReferencePackageFetcher(CSharpEngineOptions options, HttpClient http)
{
    private const string DefaultFeed = "https://api.nuget.org/v3/index.json";
    private const long MaxPackageBytes = 200L * 1024 * 1024;

    /// <summary>
    /// Downloads and unpacks <paramref name="id"/> <paramref name="version"/> into
    /// <c>&lt;cache&gt;/&lt;id&gt;/&lt;version&gt;/</c>. Returns the folder.
    /// </summary>
    /// <exception cref="HttpRequestException">The feed could not be reached or has no such package.</exception>
    /// <exception cref="InvalidDataException">The feed or package is malformed.</exception>
    public async Task<string> FetchAsync(string id, string version, CancellationToken cancellationToken)
    {
        var lowerId = id.ToLowerInvariant();
        var lowerVersion = version.ToLowerInvariant();
        var target = Path.Combine(options.PackageCacheFolder, lowerId, lowerVersion);
        var baseAddress = await PackageBaseAddressAsync(cancellationToken).ConfigureAwait(false);
        var url = new Uri($"{baseAddress.TrimEnd('/')}/{lowerId}/{lowerVersion}/{lowerId}.{lowerVersion}.nupkg");
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxPackageBytes)
        {
            throw new InvalidDataException($"The package {id} {version} is larger than {MaxPackageBytes / (1024 * 1024)} MB.");
        }

        var staging = target + ".partial-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            using (var buffer = new MemoryStream())
            {
                await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                buffer.Position = 0;
                using var archive = new ZipArchive(buffer, ZipArchiveMode.Read);
                ExtractReferenceAssemblies(archive, staging);
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(staging, target);
            return target;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Writes the archive's <c>build/**.dll</c> and <c>ref/**.dll</c> entries under <paramref name="folder"/>, refusing paths that leave it.</summary>
    internal static void ExtractReferenceAssemblies(ZipArchive archive, string folder)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        foreach (var entry in archive.Entries)
        {
            var name = Uri.UnescapeDataString(entry.FullName.Replace('\\', '/'));
            var underAssets = name.StartsWith("build/", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ref/", StringComparison.OrdinalIgnoreCase);
            if (!underAssets || !name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var destination = Path.GetFullPath(Path.Combine(folder, name));
            if (!destination.StartsWith(root, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            entry.ExtractToFile(destination, overwrite: true);
        }
    }

    private async Task<string> PackageBaseAddressAsync(CancellationToken cancellationToken)
    {
        var feed = options.FeedUrl ?? ConfiguredFeed() ?? DefaultFeed;
        await using var stream = await http.GetStreamAsync(new Uri(feed), cancellationToken).ConfigureAwait(false);
        using var index = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (index.RootElement.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (resource.TryGetProperty("@type", out var type) && type.GetString()?.StartsWith("PackageBaseAddress/3.0.0", StringComparison.Ordinal) == true
                    && resource.TryGetProperty("@id", out var address) && address.GetString() is { Length: > 0 } url)
                {
                    return url;
                }
            }
        }

        throw new InvalidDataException($"The NuGet feed '{feed}' has no PackageBaseAddress/3.0.0 resource.");
    }

    private static string? ConfiguredFeed()
    {
        var config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        if (!File.Exists(config))
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(config, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader).Descendants()
                .Where(e => e.Name.LocalName == "add" && e.Parent?.Name.LocalName == "packageSources")
                .Select(e => e.Attribute("value")?.Value)
                .FirstOrDefault(v => v is not null && v.EndsWith("index.json", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
