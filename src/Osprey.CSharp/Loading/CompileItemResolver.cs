namespace Osprey.CSharp.Loading;

/// <summary>
/// Works out which <c>.cs</c> files a project compiles, as the SDK would: for SDK-style projects
/// <c>**/*.cs</c> under the project folder minus <c>bin/</c> and <c>obj/</c> (unless
/// <c>EnableDefaultCompileItems</c> is false), then each <c>Compile Include</c>/<c>Remove</c> in order.
/// Old-style projects compile only their explicit items.
/// </summary>
internal static class CompileItemResolver
{
    /// <summary>The files, absolute and distinct, in a stable order; and the explicit items naming files that do not exist.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Resolve(ProjectFile project)
    {
        var directory = project.Directory;
        var binFolder = Path.Combine(directory, project.Property("BaseOutputPath")?.Replace('\\', '/').TrimEnd('/') ?? "bin");
        var objFolder = Path.Combine(directory, project.Property("BaseIntermediateOutputPath")?.Replace('\\', '/').TrimEnd('/') ?? "obj");
        bool SkipFolder(string folder) =>
            string.Equals(folder, binFolder, StringComparison.OrdinalIgnoreCase) || string.Equals(folder, objFolder, StringComparison.OrdinalIgnoreCase);

        var files = new List<string>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string file)
        {
            if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && seen.Add(file))
            {
                files.Add(file);
            }
        }

        if (project.IsSdkStyle && !project.IsFalse("EnableDefaultCompileItems") && !project.IsFalse("EnableDefaultItems"))
        {
            foreach (var file in MsBuildGlob.Parse(directory, "**/*.cs").Enumerate(SkipFolder))
            {
                Add(file);
            }
        }

        foreach (var item in project.CompileItems)
        {
            var globs = item.Patterns.Select(p => MsBuildGlob.Parse(directory, p)).ToList();
            if (item.Operation == CompileItemOperation.Remove)
            {
                files.RemoveAll(f => globs.Any(g => g.IsMatch(f)) && seen.Remove(f));
                continue;
            }

            var excludes = item.Excludes.Select(p => MsBuildGlob.Parse(directory, p)).ToList();
            foreach (var glob in globs)
            {
                var any = false;
                foreach (var file in glob.Enumerate(SkipFolder))
                {
                    any = true;
                    if (!excludes.Any(e => e.IsMatch(file)))
                    {
                        Add(file);
                    }
                }

                if (!any && !glob.HasWildcards)
                {
                    missing.Add(glob.Literal);
                }
            }
        }

        return (files, missing);
    }
}
