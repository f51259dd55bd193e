using Microsoft.AspNetCore.Http;
using Osprey.Server.Api;

namespace Osprey.Server.Scans;

/// <summary>Reads an archive request body (raw zip or tar.gz) under the organisation's size quota.</summary>
internal static class ArchiveUpload
{
    public static async Task<(byte[]? Content, string? Format, IResult? Error)> ReadAsync(HttpContext http, long maxBytes)
    {
        var format = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "application/zip" or "application/x-zip-compressed" => "zip",
            "application/gzip" or "application/x-gzip" or "application/x-tar+gzip" or "application/x-compressed-tar" => "tar.gz",
            _ => null,
        };
        if (format is null)
        {
            return (null, null, ApiProblem.Result(415, "unsupported-archive-type", "The body must be a zip or tar.gz archive.",
                "Send 'Content-Type: application/zip' or 'application/gzip' with the archive as the raw body."));
        }

        if (http.Request.ContentLength > maxBytes)
        {
            return (null, null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null, ApiProblem.Result(400, "empty-archive", "The request body is empty.", "Send the archive as the raw request body."));
        }

        return (buffer.ToArray(), format, null);
    }

    private static IResult TooLarge(long maxBytes) =>
        ApiProblem.Result(413, "archive-too-large", "The archive is larger than your organisation's quota.", $"Archives may be at most {maxBytes} bytes; ask the operator for a larger quota.");
}
