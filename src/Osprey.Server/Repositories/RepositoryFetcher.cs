using Osprey.Server.Hosting;
using Osprey.Server.Scans;

namespace Osprey.Server.Repositories;

/// <summary>
/// Fetches one commit of a registered asset's repository for a scan and extracts its tree,
/// without running anything from the repository. git fetches into a fresh bare repository (no
/// work tree, so no checkout, no hooks, no submodules, no LFS or clean/smudge filters; the
/// repository's own <c>.gitattributes</c> are overridden by <c>info/attributes</c>), its size
/// watched against <see cref="ServerOptions.MaxRepositoryBytes"/>. The tree then streams out of
/// <c>git archive</c> into the same <see cref="ArchiveInspector"/> that checks uploaded archives:
/// links, traversal, nested archives, size and file-count limits are refused the same way.
/// </summary>
internal sealed class RepositoryFetcher(ServerRuntime runtime)
{
    /// <summary>The <c>ArchiveFormat</c> of a scan job whose source the worker fetches.</summary>
    public const string Format = "git";

    private const string ScanRef = "refs/osprey/scan";

    /// <summary>Overrides every attribute that would make <c>git archive</c> transform or drop content.</summary>
    private const string NeutralAttributes = "* -text -eol -filter -ident -export-subst -export-ignore -working-tree-encoding\n";

    /// <summary>
    /// Fetches <paramref name="source"/> (a branch, tag or commit id; null for the default branch)
    /// of <paramref name="repositoryUrl"/> and extracts it into <paramref name="extractTo"/>.
    /// </summary>
    public async Task<RepositoryFetchResult> FetchAsync(string? repositoryUrl, string? source, string extractTo, CancellationToken cancellationToken)
    {
        var options = runtime.Options;
        var (location, refusal) = await RepositoryLocation.ResolveAsync(repositoryUrl, options.LoopbackRepositoriesOnly, cancellationToken);
        if (refusal is not null) return RepositoryFetchResult.Failed(refusal.Reason);
        var gitDirectory = extractTo.TrimEnd(Path.DirectorySeparatorChar) + ".git";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RepositoryFetchTimeout);
        try
        {
            Directory.CreateDirectory(gitDirectory);
            var git = new GitCommand(options.GitExecutable, gitDirectory, location!, options.LoopbackRepositoriesOnly);
            var init = await git.RunAsync(["init", "--bare", "--quiet", "--template=", gitDirectory], timeout.Token);
            if (init.ExitCode != 0) return RepositoryFetchResult.Failed($"git init failed: {init.Error}");
            Directory.CreateDirectory(Path.Combine(gitDirectory, "info"));
            await File.WriteAllTextAsync(Path.Combine(gitDirectory, "info", "attributes"), NeutralAttributes, timeout.Token);

            var tooLarge = false;
            var fetch = await git.RunAsync(
                ["fetch", "--quiet", "--depth=1", "--no-tags", "--no-recurse-submodules", "--no-write-fetch-head", "--end-of-options", location!.FetchUrl, $"+{source ?? "HEAD"}:{ScanRef}"],
                timeout.Token,
                () => tooLarge = SizeOf(gitDirectory) > options.MaxRepositoryBytes);
            // The watch only polls, so a fetch that finishes between two polls is measured once more here.
            if (tooLarge || SizeOf(gitDirectory) > options.MaxRepositoryBytes) return RepositoryFetchResult.Failed(RepositoryRefusal.TooLarge(options.MaxRepositoryBytes).Reason);
            if (fetch.ExitCode != 0) return RepositoryFetchResult.Failed(RepositoryRefusal.Unreachable(fetch.Error.Length > 0 ? fetch.Error : $"git fetch exited with {fetch.ExitCode}").Reason);

            var commit = await git.RunAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", ScanRef + "^{commit}"], timeout.Token);
            if (commit.ExitCode != 0 || !RepositoryRefs.IsCommitId(commit.Output)) return RepositoryFetchResult.Failed($"the fetched ref is not a commit: {commit.Error}");
            var error = await ExtractAsync(git, commit.Output, extractTo, timeout.Token);
            return new RepositoryFetchResult(commit.Output, error);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return RepositoryFetchResult.Failed(RepositoryRefusal.TimedOut(options.RepositoryFetchTimeout).Reason);
        }
        finally
        {
            DeleteQuietly(gitDirectory);
        }
    }

    /// <summary>Streams <c>git archive</c> of the commit's tree through the archive inspector into <paramref name="extractTo"/>.</summary>
    private async Task<string?> ExtractAsync(GitCommand git, string commit, string extractTo, CancellationToken cancellationToken)
    {
        // The tree, not the commit: no pax header carrying the commit id, nothing but files and folders.
        using var process = git.Start(["archive", "--format=tar", "--end-of-options", commit + "^{tree}"]);
        var error = GitCommand.ReadCappedAsync(process.StandardError);
        await using var kill = cancellationToken.Register(() => GitCommand.Kill(process));
        (ArchiveInspection? Inspection, ArchiveError? Error) walk;
        try
        {
            walk = await Task.Run(() => ArchiveInspector.Inspect(process.StandardOutput.BaseStream, "tar", ArchiveLimits.From(runtime.Options), extractTo), CancellationToken.None);
        }
        finally
        {
            GitCommand.Kill(process);
        }

        await process.WaitForExitAsync(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        if (walk.Error is { } archiveError)
            return archiveError.Entry is null ? $"{archiveError.Code}: {archiveError.Title}" : $"{archiveError.Code}: {archiveError.Title} (entry: {archiveError.Entry})";
        return process.ExitCode == 0 ? null : $"git archive failed: {await error}";
    }

    private static long SizeOf(string folder)
    {
        long total = 0;
        var files = new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint });
        try
        {
            foreach (var file in files) total += file.Length;
        }
        catch (IOException)
        {
            // git renamed or removed a temporary file or folder while we looked; the next poll counts again.
        }

        return total;
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next start-up's clean-up of the work folder.
        }
    }
}

/// <summary>The commit fetched (when known) and, if the fetch failed, why.</summary>
internal sealed record RepositoryFetchResult(string? Commit, string? FailureReason)
{
    public static RepositoryFetchResult Failed(string reason) => new(null, reason);
}
