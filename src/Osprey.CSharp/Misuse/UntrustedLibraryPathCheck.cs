using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// A library loaded by a bare file name (CWE-114/427): <c>Assembly.Load("plugin.dll")</c>,
/// <c>Assembly.LoadFrom("plugin.dll")</c>, <c>NativeLibrary.Load("native.dll")</c> or a P/Invoke
/// <c>LoadLibrary("native.dll")</c>, where the name is a constant (or a local whose stores include
/// one) with no folder. The loader looks such a name up in the working directory, the application
/// folder or the DLL search path, so whoever can write a file there chooses the code that runs.
/// Assembly display names (<c>Assembly.Load("System.Xml")</c>, no file extension) are resolved by
/// identity, not by a file search, and are not reported; nor are names with a folder.
/// </summary>
internal sealed class UntrustedLibraryPathCheck : IMisuseCheck
{
    private static readonly HashSet<string> LibraryExtensions = new(StringComparer.OrdinalIgnoreCase) { ".dll", ".exe", ".so", ".dylib" };

    private static readonly HashSet<string> NativeLoaders = new(StringComparer.Ordinal) { "LoadLibrary", "LoadLibraryA", "LoadLibraryW", "LoadLibraryEx", "LoadLibraryExA", "LoadLibraryExW", "dlopen" };

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; } = [MisuseRules.UntrustedLibraryPath];

    /// <inheritdoc />
    public IReadOnlyList<OperationKind> Kinds { get; } = [OperationKind.Invocation];

    /// <inheritdoc />
    public bool IsTrigger(SyntaxToken token) =>
        token.IsKind(SyntaxKind.IdentifierToken) && (token.ValueText is "Load" or "LoadFrom" or "TryLoad" or "UnsafeLoadFrom" || NativeLoaders.Contains(token.ValueText));

    /// <inheritdoc />
    public void Inspect(IOperation operation, MisuseContext context)
    {
        if (operation is not IInvocationOperation { TargetMethod: var method } invocation || !LoadsByName(method)
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is not { Value: var argument })
        {
            return;
        }

        if (UntrustedSearchPathCheck.ConstantsOf(argument).FirstOrDefault(IsBareLibraryName) is { } library)
        {
            context.Report(MisuseRules.UntrustedLibraryPath, operation,
                $"The library `{library}` is loaded by file name alone: the loader searches the working directory, the application folder or the library search path for it, so whoever can put a file of that name there chooses the code that runs.");
        }
    }

    /// <summary>Whether <paramref name="name"/> is a library file name without any folder.</summary>
    public static bool IsBareLibraryName(string name)
    {
        var trimmed = name.Trim().Trim('"');
        return trimmed.Length > 0 && trimmed.IndexOfAny(['/', '\\', ':', '%', '$', '~']) < 0 && LibraryExtensions.Contains(Path.GetExtension(trimmed));
    }

    private static bool LoadsByName(IMethodSymbol method)
    {
        if (method.Parameters.FirstOrDefault()?.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var type = method.ContainingType;
        return method.Name switch
        {
            "Load" or "LoadFrom" or "UnsafeLoadFrom" => IsType(type, "Assembly", "Reflection") || (method.Name == "Load" && IsType(type, "NativeLibrary", "InteropServices")),
            "TryLoad" => IsType(type, "NativeLibrary", "InteropServices"),
            _ => NativeLoaders.Contains(method.Name) && method.IsExtern,
        };
    }

    private static bool IsType(INamedTypeSymbol type, string name, string @namespace) =>
        type.Name == name && type.ContainingNamespace?.Name == @namespace;
}
