using System.Text.Json;
using System.Text.RegularExpressions;

namespace Osprey.Server.Repositories;

/// <summary>
/// <c>POST /api/v1/scans</c> with a JSON body: scan a registered asset's repository, fetched by
/// the server. <see cref="Ref"/> is a branch or tag; <see cref="Commit"/> a full commit id; with
/// neither the repository's default branch is scanned. <see cref="ThreatModels"/> is read as raw
/// JSON so that a wrong type gets the same named problem as a wrong name (see
/// <see cref="Scans.ScanThreatModels.FromJson"/>).
/// </summary>
internal sealed record RepositoryScanRequest(Guid AssetId, string? Ref = null, string? Commit = null, string? Label = null, JsonElement? ThreatModels = null)
{
    /// <summary>Returns why the request is malformed, or null.</summary>
    public string? Problem()
    {
        if (Ref is not null && Commit is not null) return "Give either a ref (branch or tag) or a commit, not both.";
        if (Ref is not null && !RepositoryRefs.IsSafeRefName(Ref))
            return $"'{Ref}' is not an accepted branch or tag name: letters, digits, '.', '_', '-' and '/', starting with a letter or digit, without '..'.";
        if (Commit is not null && !RepositoryRefs.IsCommitId(Commit)) return $"'{Commit}' is not a full commit id (40 or 64 lower-case hex digits).";
        if (Label is { Length: > 200 }) return "The label is longer than 200 characters.";
        return null;
    }

    /// <summary>What the worker fetches: the commit, the ref, or null for the default branch.</summary>
    public string? Source => Commit ?? Ref;
}

/// <summary>
/// What the server passes to git as a ref. The name rules are stricter than git's so that a name
/// can never be read as an option, a refspec (<c>:</c>, <c>+</c>, <c>^</c>) or a revision
/// expression (<c>@{</c>, <c>~</c>).
/// </summary>
internal static partial class RepositoryRefs
{
    public static bool IsSafeRefName(string name) =>
        name.Length <= 200 && SafeRef().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal) && !name.Contains("//", StringComparison.Ordinal)
        && !name.EndsWith(".lock", StringComparison.Ordinal) && !name.EndsWith('/') && !name.EndsWith('.') && !IsCommitId(name);

    public static bool IsCommitId(string value) => CommitId().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeRef();

    [GeneratedRegex("^(?:[0-9a-f]{40}|[0-9a-f]{64})$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitId();
}
