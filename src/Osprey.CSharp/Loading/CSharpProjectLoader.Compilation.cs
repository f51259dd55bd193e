using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Scanning;

namespace Osprey.CSharp.Loading;

internal sealed partial class CSharpProjectLoader
{
    private LoadedProject LoadProject(LoadSession session, ProjectFile project, Dictionary<string, ProjectFile> all, Dictionary<string, LoadedProject> loaded, HashSet<string> owned)
    {
        var (files, missing) = CompileItemResolver.Resolve(project);
        foreach (var file in missing)
        {
            session.Diagnostic(DiagnosticLevel.Warning, "file-unreadable", $"'{session.Relative(file)}' is listed by {project.Name} but does not exist.", file);
        }

        owned.UnionWith(files);
        var parseOptions = ParseOptions(project);
        var trees = Parse(session, files.Where(session.IsSelected).ToList(), parseOptions);
        if (ImplicitUsings.Generate(project, forceImplicit: false, parseOptions) is { } globalUsings)
        {
            trees = trees.Add(globalUsings);
        }

        var references = new ProjectReferenceResolver(new ReferencePacks(_options), new NuGetPackageResolver(new ReferencePacks(_options).PackageRoots()), _metadata, FetchNetFramework(session))
            .Resolve(project);
        var metadata = references.References.ToList();
        foreach (var dependency in TransitiveProjectReferences(project, all))
        {
            if (loaded.TryGetValue(dependency, out var referenced))
            {
                metadata.Add(referenced.Compilation.ToMetadataReference());
            }
        }

        var compilation = CSharpCompilation.Create(project.Property("AssemblyName") ?? project.Name, trees, metadata, CompilationOptions(project));
        return Finish(session, new LoadedProject
        {
            Name = project.Name,
            ProjectPath = project.Path,
            TargetFramework = project.TargetFramework.Name,
            Compilation = compilation,
            UnresolvedReferences = [.. references.Unresolved.Distinct(StringComparer.OrdinalIgnoreCase)],
        });
    }

    private LoadedProject LoadLoose(LoadSession session, ScanTarget target, IReadOnlyList<string> files)
    {
        var framework = TargetFrameworkSelector.SdkDefault;
        var name = target.Kind == ScanTargetKind.File ? Path.GetFileNameWithoutExtension(target.Path) : Path.GetFileName(target.RootDirectory.TrimEnd('/'));
        var pseudo = new ProjectFile
        {
            Path = Path.Combine(target.RootDirectory, name + ".csproj"),
            Sdk = "Microsoft.NET.Sdk.Web",
            Properties = ImmutableDictionary<string, string>.Empty,
            TargetFramework = framework,
        };
        var parseOptions = ParseOptions(pseudo);
        var trees = Parse(session, files, parseOptions);
        if (ImplicitUsings.Generate(pseudo, forceImplicit: true, parseOptions) is { } globalUsings)
        {
            trees = trees.Add(globalUsings);
        }

        var references = new ProjectReferenceResolver(new ReferencePacks(_options), new NuGetPackageResolver([]), _metadata, _ => null).Resolve(pseudo);
        var outputKind = trees.Any(t => t.GetRoot().ChildNodes().Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax))
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var options = new CSharpCompilationOptions(outputKind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable)
            .WithAssemblyIdentityComparer(DesktopAssemblyIdentityComparer.Default);
        var compilation = CSharpCompilation.Create(name, trees, references.References, options);
        return Finish(session, new LoadedProject
        {
            Name = name,
            TargetFramework = framework.Name,
            Compilation = compilation,
            UnresolvedReferences = [.. references.Unresolved],
        });
    }

    private LoadedProject Finish(LoadSession session, LoadedProject project)
    {
        var unresolved = UnresolvedSymbols.Find(project.Compilation, _options.CountUnresolvedSymbolsInBodies, session.CancellationToken);
        return new LoadedProject
        {
            Name = project.Name,
            ProjectPath = project.ProjectPath,
            TargetFramework = project.TargetFramework,
            Compilation = project.Compilation,
            UnresolvedReferences = project.UnresolvedReferences,
            UnresolvedSymbols = [.. unresolved.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>C# files of a folder target that no project compiles and that are not inside a project's folder.</summary>
    private static List<string> LooseFiles(ScanTarget target, HashSet<string> selected, IEnumerable<ProjectFile> projects, HashSet<string> owned)
    {
        if (target.Kind == ScanTargetKind.File)
        {
            return target.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? [target.Path] : [];
        }

        if (target.Kind != ScanTargetKind.Folder)
        {
            return [];
        }

        var projectFolders = projects.Select(p => p.Directory.TrimEnd('/') + "/").ToList();
        return selected
            .Where(f => !owned.Contains(f) && !projectFolders.Any(d => f.StartsWith(d, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> TransitiveProjectReferences(ProjectFile project, Dictionary<string, ProjectFile> all)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(project.ProjectReferences);
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            if (path == project.Path || !seen.Add(path))
            {
                continue;
            }

            yield return path;
            if (all.TryGetValue(path, out var referenced) && referenced.IsSdkStyle)
            {
                foreach (var next in referenced.ProjectReferences)
                {
                    pending.Push(next);
                }
            }
        }
    }

    private Func<TargetFrameworkMoniker, string?> FetchNetFramework(LoadSession session) => target =>
    {
        if (!session.Context.Options.AllowNetwork || _http is null)
        {
            return null;
        }

        return _fetched.GetOrAdd(target.Name, _ =>
        {
            var id = "Microsoft.NETFramework.ReferenceAssemblies." + target.Name;
            try
            {
                new ReferencePackageFetcher(_options, _http).FetchAsync(id, "1.0.3", session.CancellationToken).GetAwaiter().GetResult();
                session.Diagnostic(DiagnosticLevel.Info, "reference-package-fetched", $"Fetched the reference assemblies {id} 1.0.3 into {_options.PackageCacheFolder}.");
                return new ReferencePacks(_options).NetFrameworkDirectory(target);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or IOException or TaskCanceledException)
            {
                session.Diagnostic(DiagnosticLevel.Warning, "reference-package-unavailable", $"Could not fetch {id} 1.0.3: {ex.Message}");
                return null;
            }
        });
    };
}
