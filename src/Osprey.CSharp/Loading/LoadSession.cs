using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;

namespace Osprey.CSharp.Loading;

/// <summary>The state of one load: the scan, the selected files, running counts.</summary>
internal sealed class LoadSession(ScanContext context, HashSet<string> selectedFiles, CancellationToken cancellationToken)
{
    private int _filesLoaded;

    public ScanContext Context { get; } = context;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Files parsed so far.</summary>
    public int FilesLoaded => Volatile.Read(ref _filesLoaded);

    /// <summary>Counts parsed files.</summary>
    public void FilesParsed(int count) => Interlocked.Add(ref _filesLoaded, count);

    /// <summary>
    /// Whether a file a project compiles is scanned: files under the scan root must be in the recon
    /// list (so that user excludes apply); files elsewhere (a referenced project outside the root) are.
    /// </summary>
    public bool IsSelected(string file) =>
        selectedFiles.Count == 0 || selectedFiles.Contains(file) || !IsUnderRoot(file);

    /// <summary>Whether <paramref name="path"/> is inside the scan root.</summary>
    public bool IsUnderRoot(string path)
    {
        var root = Context.Target.RootDirectory.TrimEnd('/') + "/";
        return path.StartsWith(root, StringComparison.Ordinal);
    }

    /// <summary>A path as reports show it.</summary>
    public string Relative(string path) => SourceLocation.NormalizePath(path, Context.Target.RootDirectory);

    /// <summary>Reports a diagnostic about a file or project.</summary>
    public void Diagnostic(DiagnosticLevel level, string code, string message, string? path = null) =>
        Context.Report(new ScanDiagnostic { Level = level, Code = code, Message = message, FilePath = path is null ? null : Relative(path) });

    /// <summary>Reports the load's totals.</summary>
    public void Finish(IReadOnlyList<LoadedProject> projects)
    {
        var unresolvedSymbols = projects.Sum(p => p.UnresolvedSymbols.Length);
        var unresolvedReferences = projects.Sum(p => p.UnresolvedReferences.Length);
        Context.Count("csharp.projects", projects.Count);
        Context.Count("csharp.files", FilesLoaded);
        Context.Count("csharp.unresolved-symbols", unresolvedSymbols);
        Context.Count("csharp.unresolved-references", unresolvedReferences);
        var worst = projects.Where(p => !p.UnresolvedReferences.IsEmpty)
            .Select(p => $"{p.Name}: {string.Join(", ", p.UnresolvedReferences.Take(5))}{(p.UnresolvedReferences.Length > 5 ? ", …" : "")}")
            .Take(5)
            .ToImmutableArray();
        Context.Report(new ScanDiagnostic
        {
            Level = DiagnosticLevel.Info,
            Code = "csharp-load-summary",
            Message = $"Loaded {projects.Count} C# project(s) and {FilesLoaded} file(s); {unresolvedReferences} reference(s) and {unresolvedSymbols} symbol name(s) could not be resolved"
                + (unresolvedSymbols > 0 ? " (code using them is matched by name only)" : "")
                + (worst.IsEmpty ? "." : $". Unresolved references: {string.Join("; ", worst)}."),
        });
    }
}
