using System.Text;

namespace Osprey.Reporting.Sarif;

/// <summary>
/// Turns report paths into SARIF artifact URIs: paths relative to the scan root become relative
/// URI references against <c>%SRCROOT%</c>; absolute paths (files outside the root) become file URIs.
/// </summary>
internal static class SarifUris
{
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The URI of <paramref name="filePath"/>, and the base id it is relative to (null for absolute URIs).</summary>
    public static (string Uri, string? BaseId) ForPath(string filePath)
    {
        var path = filePath.Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])))
        {
            return (FileUri(path), null);
        }

        return (EscapeSegments(path), SourceRootId);
    }

    /// <summary>The file URI of the scan root, ending with a slash as SARIF requires for a base URI.</summary>
    public static string RootUri(string rootDirectory)
    {
        var path = rootDirectory.Replace('\\', '/');
        return FileUri(path.EndsWith('/') ? path : path + "/");
    }

    private static string FileUri(string absolutePath) =>
        "file://" + (absolutePath.StartsWith('/') ? "" : "/") + EscapeSegments(absolutePath);

    // Escapes each segment so that spaces, '#', '?' and '%' in file names survive as data; the
    // drive colon of a Windows path stays readable.
    private static string EscapeSegments(string path)
    {
        var builder = new StringBuilder(path.Length + 16);
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            var segment = segments[i];
            if (i == 0 && segment.Length == 2 && segment[1] == ':' && char.IsAsciiLetter(segment[0]))
            {
                builder.Append(segment);
            }
            else
            {
                builder.Append(Uri.EscapeDataString(segment));
            }
        }

        return builder.ToString();
    }
}
