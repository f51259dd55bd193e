using System.Security;
using System.Text;

namespace Osprey.Bench.Peers;

/// <summary>
/// Writes an SDK-style project that compiles a benchmark's files in place with one peer's
/// analyzers and logs their diagnostics as SARIF. The project lives in the bench's work folder,
/// never in the scanned checkout, and imports none of the checkout's MSBuild files.
/// </summary>
internal static class PeerProjectWriter
{
    /// <summary>The project file name inside the project folder.</summary>
    public const string ProjectFile = "analysis.csproj";

    /// <summary>The SARIF log name inside the project folder.</summary>
    public const string SarifFile = "analysis.sarif";

    /// <summary>Writes the project for <paramref name="tool"/> into <paramref name="folder"/>; returns the project path.</summary>
    public static string Write(string folder, PeerProject project, PeerTool tool)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "analysis.globalconfig"), tool.GlobalConfig);
        // Empty Directory.Build.* files stop MSBuild from importing any found further up.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        var path = Path.Combine(folder, ProjectFile);
        File.WriteAllText(path, Render(project, tool));
        return path;
    }

    /// <summary>The project file's XML.</summary>
    public static string Render(PeerProject project, PeerTool tool)
    {
        var xml = new StringBuilder();
        xml.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        xml.AppendLine("  <PropertyGroup>");
        Property(xml, "TargetFramework", project.TargetFramework);
        Property(xml, "OutputType", "Library");
        Property(xml, "AssemblyName", project.Name);
        Property(xml, "EnableDefaultItems", "false");
        Property(xml, "ManagePackageVersionsCentrally", "false");
        Property(xml, "GenerateAssemblyInfo", "false");
        Property(xml, "LangVersion", "latest");
        Property(xml, "Nullable", "disable");
        Property(xml, "ImplicitUsings", "disable");
        Property(xml, "TreatWarningsAsErrors", "false");
        Property(xml, "NoWarn", "$(NoWarn);CS0105;CS0108;CS0114;CS0162;CS0168;CS0169;CS0219;CS0414;CS0649;CS0618;CS1998;NU1603;NU1701;NU1903");
        Property(xml, "ErrorLog", "$(MSBuildThisFileDirectory)" + SarifFile + ",version=2.1");
        Property(xml, "AppendTargetFrameworkToOutputPath", "false");
        foreach (var (name, value) in tool.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Property(xml, name, value);
        }

        xml.AppendLine("  </PropertyGroup>");
        xml.AppendLine("  <ItemGroup>");
        xml.AppendLine("    <GlobalAnalyzerConfigFiles Include=\"analysis.globalconfig\" />");
        if (project.TargetFramework.StartsWith("net4", StringComparison.Ordinal))
        {
            Package(xml, new PackageRef("Microsoft.NETFramework.ReferenceAssemblies." + project.TargetFramework, "1.0.3"), privateAssets: true);
        }

        foreach (var package in tool.Packages)
        {
            Package(xml, package, privateAssets: true);
        }

        foreach (var package in project.Packages)
        {
            Package(xml, package, privateAssets: false);
        }

        foreach (var reference in project.FrameworkReferences)
        {
            xml.AppendLine($"    <Reference Include=\"{Escape(reference)}\" />");
        }

        foreach (var dll in project.HintReferences)
        {
            xml.AppendLine($"    <Reference Include=\"{Escape(Path.GetFileNameWithoutExtension(dll))}\"><HintPath>{Escape(dll)}</HintPath></Reference>");
        }

        foreach (var file in project.CompileFiles)
        {
            xml.AppendLine($"    <Compile Include=\"{Escape(file)}\" />");
        }

        xml.AppendLine("  </ItemGroup>");
        xml.AppendLine("</Project>");
        return xml.ToString();
    }

    private static void Property(StringBuilder xml, string name, string value) => xml.AppendLine($"    <{name}>{SecurityElement.Escape(value)}</{name}>");

    private static void Package(StringBuilder xml, PackageRef package, bool privateAssets) =>
        xml.AppendLine($"    <PackageReference Include=\"{Escape(package.Id)}\" Version=\"{Escape(package.Version)}\"{(privateAssets ? " PrivateAssets=\"all\"" : "")} />");

    // MSBuild gives %XX, $, @, ;, * and ? meaning in item specs; escape them so every path stays literal.
    private static string Escape(string value) => SecurityElement.Escape(value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace(";", "%3B", StringComparison.Ordinal)
        .Replace("@", "%40", StringComparison.Ordinal)
        .Replace("$", "%24", StringComparison.Ordinal)
        .Replace("*", "%2A", StringComparison.Ordinal)
        .Replace("?", "%3F", StringComparison.Ordinal));
}
