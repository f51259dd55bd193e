using Microsoft.AspNetCore.Http;
using Osprey.Server.Api;

namespace Osprey.Server.Scans;

/// <summary>Why an archive was refused; each maps to a 4xx problem naming the offending entry.</summary>
internal sealed record ArchiveError(int Status, string Code, string Title, string Hint, string? Entry = null)
{
    public IResult ToResult() => ApiProblem.Result(Status, Code, Title, Hint, Entry is null ? null : $"entry: {Entry}");

    public static ArchiveError Invalid(string reason) =>
        new(400, "invalid-archive", "The archive cannot be read.", $"Send a well-formed zip or tar.gz ({reason}).");

    public static ArchiveError Traversal(string entry) =>
        new(422, "archive-path-traversal", "An archive entry points outside the archive.", "Entries may not contain '..' segments.", entry);

    public static ArchiveError Absolute(string entry) =>
        new(422, "archive-absolute-path", "An archive entry has an absolute path.", "Entries must be relative paths.", entry);

    public static ArchiveError Link(string entry, string kind) =>
        new(422, "archive-link", $"The archive contains a {kind}.", "Symbolic and hard links are refused: archive the files themselves.", entry);

    public static ArchiveError Special(string entry) =>
        new(422, "archive-special-file", "The archive contains a device, FIFO or other special file.", "Only regular files and folders are accepted.", entry);

    public static ArchiveError Nested(string entry) =>
        new(422, "archive-nested", "The archive contains another archive.", "Unpack nested archives (zip, jar, tar, gz, 7z, …) before submitting, or leave them out.", entry);

    public static ArchiveError TooManyFiles(int limit) =>
        new(413, "archive-too-many-files", "The archive has too many files.", $"At most {limit} files are accepted; leave out generated and vendored files.");

    public static ArchiveError TooLargeExtracted(long limit) =>
        new(413, "archive-extracted-too-large", "The archive expands to more than the limit.", $"The extracted files may total at most {limit} bytes.");
}

/// <summary>Extraction limits.</summary>
internal sealed record ArchiveLimits(long MaxExtractedBytes, int MaxFiles)
{
    public static ArchiveLimits From(ServerOptions options) => new(options.MaxExtractedBytes, options.MaxArchiveFiles);
}

/// <summary>What a walk over an archive found.</summary>
internal sealed record ArchiveInspection(int FileCount, long ExtractedBytes, IReadOnlyList<string> TokenFiles);
