namespace Osprey.CSharp.Loading;

/// <summary>
/// Resolves a project's assembly references: <c>HintPath</c> assemblies that exist, the framework's
/// reference assemblies (.NET and ASP.NET Core packs, or the .NET Framework reference-assembly
/// package), and package references from the local caches. Everything is read as metadata only.
/// </summary>
internal sealed class ProjectReferenceResolver(ReferencePacks packs, NuGetPackageResolver packages, MetadataReferenceCache cache, Func<TargetFrameworkMoniker, string?> fetchNetFramework)
{
    private static readonly string[] SdkNetFrameworkDefaults =
        ["mscorlib", "System", "System.Core", "System.Data", "System.Drawing", "System.IO.Compression.FileSystem", "System.Numerics", "System.Runtime.Serialization", "System.Xml", "System.Xml.Linq"];

    /// <summary>Resolves the references of <paramref name="project"/>.</summary>
    public ProjectReferenceSet Resolve(ProjectFile project)
    {
        var set = new ProjectReferenceSet();
        var target = project.TargetFramework;

        // Assemblies the project points at by path come first, as MSBuild prefers a HintPath.
        // A missing HintPath assembly is looked up in the framework next, and reported if not there.
        foreach (var reference in project.References.Where(r => r.HintPath is not null && File.Exists(r.HintPath)))
        {
            set.Add(cache, reference.HintPath!);
        }

        if (target.Family == FrameworkFamily.NetFramework)
        {
            AddNetFramework(project, target, set);
        }
        else
        {
            AddNetCore(project, target, set);
        }

        var frameworkNames = set.FileNames;
        var resolution = packages.Resolve(project.PackageReferences.Where(p => !IsAspNetCorePackage(p.Id)), target, frameworkNames);
        foreach (var assembly in resolution.Assemblies)
        {
            set.Add(cache, assembly);
        }

        set.Unresolved.AddRange(resolution.Unresolved);
        return set;
    }

    private void AddNetCore(ProjectFile project, TargetFrameworkMoniker target, ProjectReferenceSet set)
    {
        var core = packs.NetCore(target);
        if (core.IsEmpty)
        {
            set.Unresolved.Add("Microsoft.NETCore.App.Ref");
        }

        foreach (var assembly in core)
        {
            set.Add(cache, assembly);
        }

        if (NeedsAspNetCore(project))
        {
            var web = packs.AspNetCore(target);
            if (web.IsEmpty)
            {
                set.Unresolved.Add("Microsoft.AspNetCore.App.Ref");
            }

            foreach (var assembly in web)
            {
                set.Add(cache, assembly);
            }
        }

        foreach (var reference in project.References.Where(r => !set.Contains(r.Name)))
        {
            set.Unresolved.Add(reference.Name);
        }
    }

    private void AddNetFramework(ProjectFile project, TargetFrameworkMoniker target, ProjectReferenceSet set)
    {
        var folder = packs.NetFrameworkDirectory(target) ?? fetchNetFramework(target);
        if (folder is null)
        {
            // Without the reference assemblies the .NET reference pack still gives most BCL names.
            set.Unresolved.Add($"Microsoft.NETFramework.ReferenceAssemblies.{target.Name}");
            AddNetCore(project with { References = [] }, TargetFrameworkSelector.SdkDefault, set);
            return;
        }

        var names = project.References.Select(r => r.Name)
            .Concat(project.IsSdkStyle ? SdkNetFrameworkDefaults : ["mscorlib"])
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (!set.Contains(name) && !set.Add(cache, Path.Combine(folder, name + ".dll")) && !set.Add(cache, Path.Combine(folder, "Facades", name + ".dll")))
            {
                set.Unresolved.Add(name);
            }
        }

        var facades = Path.Combine(folder, "Facades");
        if (Directory.Exists(facades))
        {
            foreach (var facade in Directory.EnumerateFiles(facades, "*.dll").Order(StringComparer.Ordinal))
            {
                set.Add(cache, facade);
            }
        }
    }

    private static bool NeedsAspNetCore(ProjectFile project) =>
        string.Equals(project.Sdk, "Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
        || project.FrameworkReferences.Any(f => f.Equals("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase))
        || project.PackageReferences.Any(p => IsAspNetCorePackage(p.Id));

    private static bool IsAspNetCorePackage(string id) =>
        id.Equals("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase) || id.Equals("Microsoft.AspNetCore.All", StringComparison.OrdinalIgnoreCase);
}
