using System.Xml.Linq;

namespace Osprey.CSharp.Loading;

/// <summary>
/// Collects properties and items from the files of one project (props chain, then the project),
/// in document order, evaluating only the conditions <see cref="MsBuildConditions"/> understands.
/// </summary>
internal sealed class ProjectPropertyAccumulator(Dictionary<string, string> properties)
{
    public Dictionary<string, string> Properties { get; } = properties;

    public List<CompileItem> Compile { get; } = [];

    public List<AssemblyReferenceItem> References { get; } = [];

    public List<string> ProjectReferences { get; } = [];

    public List<PackageReferenceItem> Packages { get; } = [];

    public List<string> FrameworkReferences { get; } = [];

    public List<UsingItem> Usings { get; } = [];

    /// <summary>Reads the property and item groups of one file whose folder is <paramref name="directory"/>.</summary>
    public void Visit(XElement root, string directory)
    {
        foreach (var group in root.Elements())
        {
            if (!MsBuildConditions.Evaluate(group.Attribute("Condition")?.Value, Properties))
            {
                continue;
            }

            switch (group.Name.LocalName)
            {
                case "PropertyGroup":
                    VisitProperties(group);
                    break;
                case "ItemGroup":
                    foreach (var item in group.Elements().Where(i => MsBuildConditions.Evaluate(i.Attribute("Condition")?.Value, Properties)))
                    {
                        VisitItem(item, directory);
                    }

                    break;
            }
        }
    }

    private void VisitProperties(XElement group)
    {
        foreach (var property in group.Elements())
        {
            if (property.HasElements || !MsBuildConditions.Evaluate(property.Attribute("Condition")?.Value, Properties))
            {
                continue;
            }

            if (MsBuildConditions.Expand(property.Value.Trim(), Properties) is { } value)
            {
                Properties[property.Name.LocalName] = value;
            }
        }
    }

    private void VisitItem(XElement item, string directory)
    {
        var include = Expand(item.Attribute("Include")?.Value);
        var remove = Expand(item.Attribute("Remove")?.Value);
        switch (item.Name.LocalName)
        {
            case "Compile" when include is not null:
                Compile.Add(new CompileItem(CompileItemOperation.Include, Split(include), Split(Expand(item.Attribute("Exclude")?.Value))));
                break;
            case "Compile" when remove is not null:
                Compile.Add(new CompileItem(CompileItemOperation.Remove, Split(remove), []));
                break;
            case "Reference" when include is not null:
                var hint = Expand(item.Attribute("HintPath")?.Value ?? ProjectFileReader.ChildValue(item, "HintPath"));
                References.Add(new AssemblyReferenceItem(include.Split(',')[0].Trim(), hint is { Length: > 0 } ? LoosePath.Resolve(directory, hint) : null));
                break;
            case "ProjectReference" when include is not null:
                ProjectReferences.AddRange(Split(include).Select(p => LoosePath.Resolve(directory, p)));
                break;
            case "PackageReference" when include is not null:
                var version = Expand(item.Attribute("VersionOverride")?.Value ?? item.Attribute("Version")?.Value
                    ?? ProjectFileReader.ChildValue(item, "VersionOverride") ?? ProjectFileReader.ChildValue(item, "Version"));
                Packages.Add(new PackageReferenceItem(include.Trim(), version is { Length: > 0 } ? version : null));
                break;
            case "FrameworkReference" when include is not null:
                FrameworkReferences.Add(include.Trim());
                break;
            case "Using" when include is not null || remove is not null:
                var alias = item.Attribute("Alias")?.Value;
                var isStatic = string.Equals(item.Attribute("Static")?.Value, "true", StringComparison.OrdinalIgnoreCase);
                Usings.Add(new UsingItem((include ?? remove)!.Trim(), alias, isStatic, include is null));
                break;
        }
    }

    private string? Expand(string? text) => text is null ? null : MsBuildConditions.Expand(text, Properties);

    private static System.Collections.Immutable.ImmutableArray<string> Split(string? text) =>
        text is null ? [] : [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
