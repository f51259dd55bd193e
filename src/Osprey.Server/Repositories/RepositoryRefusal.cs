using Microsoft.AspNetCore.Http;
using Osprey.Server.Api;

namespace Osprey.Server.Repositories;

/// <summary>Why a repository cannot be fetched: a 4xx problem at submission, or a failed scan's reason in the worker.</summary>
internal sealed record RepositoryRefusal(int Status, string Code, string Title, string Hint, string? Detail = null)
{
    public IResult ToResult() => ApiProblem.Result(Status, Code, Title, Hint, Detail);

    /// <summary>The failure reason stored on a scan job.</summary>
    public string Reason => Detail is null ? $"{Code}: {Title}" : $"{Code}: {Title} ({Detail})";

    public static RepositoryRefusal NoRepository() =>
        new(422, "asset-has-no-repository", "The asset has no repository URL to fetch.", "Register the asset with a repositoryUrl, or upload an archive of the source.");

    public static RepositoryRefusal SchemeNotAllowed(string url, bool loopbackOnly) =>
        new(422, "repository-scheme-not-allowed", "The repository URL must be an https:// URL.",
            loopbackOnly ? "In test mode https://, git:// and file:// URLs are fetched." : "The server fetches only https:// repositories; upload an archive for others.", url);

    public static RepositoryRefusal UrlNotPlain(string url) =>
        new(422, "repository-url-not-plain", "The repository URL carries credentials, a query or a fragment.",
            "The server fetches public repositories only; upload an archive of a private one.", url);

    public static RepositoryRefusal HostUnknown(string host) =>
        new(422, "repository-host-unknown", "The repository's host name does not resolve.", "Check the repository URL.", host);

    public static RepositoryRefusal AddressNotAllowed(string host, bool loopbackOnly) =>
        new(422, "repository-address-not-allowed", "The repository's host resolves to no address the server may connect to.",
            loopbackOnly ? "In test mode only loopback addresses are fetched." : "Only public addresses are fetched, never loopback or private ranges.", host);

    public static RepositoryRefusal Unreachable(string reason) =>
        new(502, "repository-unreachable", "The repository could not be fetched.", "Check that the URL, the ref or commit exist and are public.", reason);

    public static RepositoryRefusal TooLarge(long limit) =>
        new(413, "repository-too-large", "The repository's fetched objects exceed the server's limit.", $"A fetch may write at most {limit} bytes; upload an archive of the source instead.");

    public static RepositoryRefusal TimedOut(TimeSpan limit) =>
        new(504, "repository-fetch-timeout", "Fetching the repository took too long.", $"A fetch may take at most {limit.TotalSeconds:0} seconds; upload an archive of the source instead.");
}
