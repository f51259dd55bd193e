using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// BinaryFormatter for the harness of a program that uses it. .NET 9 and later ship a BinaryFormatter
/// that always throws, so a program that round-trips its input through one (Juliet's flow variant 75)
/// never reaches its sink. Such a harness gets the compatibility implementation (the
/// System.Runtime.Serialization.Formatters package, embedded in Osprey) beside it, a deps.json that
/// makes the runtime load it instead of the shared framework's, and the AppContext switch that enables
/// it — in the harness process only, which runs in the sandbox. Osprey's own process never loads it.
/// </summary>
internal static class BinaryFormatterSupport
{
    /// <summary>The AppContext switch the compatibility implementation requires.</summary>
    public const string Switch = "System.Runtime.Serialization.EnableUnsafeBinaryFormatterSerialization";

    private const string AssemblyFileName = "System.Runtime.Serialization.Formatters.dll";

    /// <summary>Whether any file of <paramref name="compilation"/> names BinaryFormatter.</summary>
    public static bool IsUsedBy(CSharpCompilation compilation) =>
        compilation.SyntaxTrees.Any(t => t.GetText().ToString().Contains("BinaryFormatter", StringComparison.Ordinal));

    /// <summary>
    /// Writes the implementation into <paramref name="directory"/> and a deps.json for <paramref name="assemblyFileName"/>
    /// that lists it (with its versions, so it wins over the shared framework's) and the other files the harness loads.
    /// </summary>
    public static void Install(string directory, string assemblyFileName, IEnumerable<string> otherFiles)
    {
        var implementation = Path.Combine(directory, AssemblyFileName);
        using (var resource = typeof(BinaryFormatterSupport).Assembly.GetManifestResourceStream("Osprey.Harness." + AssemblyFileName)
            ?? throw new InvalidOperationException("Osprey was built without its BinaryFormatter implementation for harnesses."))
        using (var file = File.Create(implementation))
        {
            resource.CopyTo(file);
        }

        var runtime = new JsonObject { [assemblyFileName] = new JsonObject() };
        foreach (var other in otherFiles.Select(Path.GetFileName).OfType<string>().Where(f => f != AssemblyFileName))
        {
            runtime[other] = new JsonObject();
        }

        runtime[AssemblyFileName] = new JsonObject
        {
            ["assemblyVersion"] = AssemblyName.GetAssemblyName(implementation).Version?.ToString(),
            ["fileVersion"] = FileVersionInfo.GetVersionInfo(implementation).FileVersion,
        };
        var target = ".NETCoreApp,Version=v" + Environment.Version.ToString(2);
        var app = Path.GetFileNameWithoutExtension(assemblyFileName) + "/1.0.0";
        var deps = new JsonObject
        {
            ["runtimeTarget"] = new JsonObject { ["name"] = target },
            ["targets"] = new JsonObject { [target] = new JsonObject { [app] = new JsonObject { ["runtime"] = runtime } } },
            ["libraries"] = new JsonObject { [app] = new JsonObject { ["type"] = "project", ["serviceable"] = false, ["sha512"] = "" } },
        };
        File.WriteAllText(Path.Combine(directory, Path.GetFileNameWithoutExtension(assemblyFileName) + ".deps.json"), deps.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
