using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;

namespace Osprey.Core.Recon;

/// <summary>
/// Lists the files of a target that pass the include and exclude filters. Unreadable folders are
/// reported as diagnostics and skipped; symbolic links to folders are not followed, so a link
/// cannot lead the scan outside the target or into a cycle.
/// </summary>
public static class SourceInventory
{
    /// <summary>Enumerates the files of <paramref name="target"/>.</summary>
    public static ImmutableArray<SourceFile> Enumerate(ScanTarget target, ScanOptions options, Action<ScanDiagnostic> report, CancellationToken cancellationToken)
    {
        var filter = new FileFilter(options.Include, options.Exclude);
        var root = target.RootDirectory;
        var builder = ImmutableArray.CreateBuilder<SourceFile>();
        if (target.Kind == ScanTargetKind.File)
        {
            var info = new FileInfo(target.Path);
            builder.Add(new SourceFile
            {
                FullPath = info.FullName,
                RelativePath = info.Name,
                Language = SourceLanguages.FromPath(info.FullName),
                Length = info.Length,
            });
            return builder.ToImmutable();
        }

        // Solutions and projects: engines resolve their own file lists from the project files;
        // recon still lists the folder so that languages are known and file-level engines can run.

        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var directory = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = directory.GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                report(new ScanDiagnostic
                {
                    Level = DiagnosticLevel.Warning,
                    Code = "folder-unreadable",
                    Message = $"Skipped folder '{SourceLocation.NormalizePath(directory.FullName, root)}': {ex.Message}",
                    FilePath = SourceLocation.NormalizePath(directory.FullName, root),
                    Source = "recon",
                });
                continue;
            }

            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                var entry = entries[i];
                var relative = SourceLocation.NormalizePath(entry.FullName, root);
                if (entry is DirectoryInfo sub)
                {
                    if (sub.LinkTarget is null && !filter.ExcludesFolder(relative))
                    {
                        pending.Push(sub);
                    }

                    continue;
                }

                if (entry is FileInfo file && file.LinkTarget is null && filter.Accepts(relative))
                {
                    builder.Add(new SourceFile
                    {
                        FullPath = file.FullName,
                        RelativePath = relative,
                        Language = SourceLanguages.FromPath(file.FullName),
                        Length = file.Length,
                    });
                }
            }
        }

        builder.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return builder.ToImmutable();
    }
}
