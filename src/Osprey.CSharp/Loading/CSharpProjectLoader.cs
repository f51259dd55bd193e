using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;

namespace Osprey.CSharp.Loading;

/// <summary>
/// Loads a scan target's C# code into Roslyn compilations without building or evaluating anything:
/// project files are read as XML data, sources parsed in parallel, and references resolved to
/// reference assemblies on disk. Problems with single files or references become diagnostics and
/// the load goes on.
/// </summary>
internal sealed partial class CSharpProjectLoader
{
    private readonly CSharpEngineOptions _options;
    private readonly HttpClient? _http;
    private readonly ProjectFileReader _reader = new();
    private readonly MetadataReferenceCache _metadata = new();
    private readonly ConcurrentDictionary<string, string?> _fetched = new(StringComparer.Ordinal);

    /// <summary>Creates a loader; <paramref name="http"/> is used only to fetch reference-assembly packages when the scan allows network.</summary>
    public CSharpProjectLoader(CSharpEngineOptions options, HttpClient? http = null)
    {
        _options = options;
        _http = http;
    }

    /// <summary>Called after each project is loaded with the running totals of files and projects.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>
    /// Loads the target of <paramref name="context"/>. <paramref name="files"/> is the recon file list:
    /// source files under the scan root that it leaves out (excluded by the user) are not compiled.
    /// </summary>
    public LoadedSolution Load(ScanContext context, ImmutableArray<SourceFile> files, CancellationToken cancellationToken)
    {
        var target = context.Target;
        var selected = files.Where(f => f.Language == SourceLanguage.CSharp).Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
        var session = new LoadSession(context, selected, cancellationToken);

        var projectPaths = target.Kind switch
        {
            ScanTargetKind.Project => [target.Path],
            ScanTargetKind.Solution => ReadSolution(session, target.Path),
            ScanTargetKind.Folder => files.Any()
                ? files.Where(f => f.FullPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).Select(f => f.FullPath).ToList()
                : Directory.EnumerateFiles(target.Path, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList(),
            _ => [],
        };

        var projects = ReadProjects(session, projectPaths);
        var loaded = new List<LoadedProject>();
        var byPath = new Dictionary<string, LoadedProject>(StringComparer.Ordinal);
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in DependencyOrder(session, projects))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = LoadProject(session, project, projects, byPath, owned);
            loaded.Add(result);
            byPath[project.Path] = result;
            Progress?.Invoke(session.FilesLoaded, loaded.Count);
        }

        var loose = LooseFiles(target, selected, projects.Values, owned);
        if (loose.Count > 0)
        {
            loaded.Add(LoadLoose(session, target, loose));
            Progress?.Invoke(session.FilesLoaded, loaded.Count);
        }

        session.Finish(loaded);
        return new LoadedSolution { Projects = [.. loaded] };
    }

    private static List<string> ReadSolution(LoadSession session, string path)
    {
        try
        {
            return [.. SolutionFileReader.ReadProjects(path)];
        }
        catch (InvalidDataException ex)
        {
            session.Diagnostic(DiagnosticLevel.Error, "solution-unreadable", ex.Message, path);
            return [];
        }
    }

    /// <summary>Reads the given projects and every project they reference, wherever it is.</summary>
    private Dictionary<string, ProjectFile> ReadProjects(LoadSession session, IEnumerable<string> roots)
    {
        var projects = new Dictionary<string, ProjectFile>(StringComparer.Ordinal);
        var pending = new Queue<string>(roots);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            if (!path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                session.Diagnostic(DiagnosticLevel.Info, "project-skipped", $"Skipped '{session.Relative(path)}': only C# projects are loaded.", path);
                continue;
            }

            if (!File.Exists(path))
            {
                session.Diagnostic(DiagnosticLevel.Warning, "project-missing", $"The project '{session.Relative(path)}' does not exist; code that uses it is analysed by name only.", path);
                continue;
            }

            try
            {
                var project = _reader.Read(path);
                projects[path] = project;
                foreach (var reference in project.ProjectReferences)
                {
                    pending.Enqueue(reference);
                }
            }
            catch (InvalidDataException ex)
            {
                session.Diagnostic(DiagnosticLevel.Error, "project-unreadable", ex.Message, path);
            }
        }

        return projects;
    }

    /// <summary>Projects after the projects they reference; a reference cycle is reported and broken.</summary>
    private static List<ProjectFile> DependencyOrder(LoadSession session, Dictionary<string, ProjectFile> projects)
    {
        var order = new List<ProjectFile>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        void Visit(ProjectFile project)
        {
            if (state.TryGetValue(project.Path, out var done))
            {
                if (!done)
                {
                    session.Diagnostic(DiagnosticLevel.Warning, "project-cycle", $"The project '{session.Relative(project.Path)}' is part of a reference cycle; the cycle was broken.", project.Path);
                }

                return;
            }

            state[project.Path] = false;
            foreach (var reference in project.ProjectReferences)
            {
                if (projects.TryGetValue(reference, out var referenced))
                {
                    Visit(referenced);
                }
            }

            state[project.Path] = true;
            order.Add(project);
        }

        foreach (var project in projects.Values.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            Visit(project);
        }

        return order;
    }
}
