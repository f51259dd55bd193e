using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.CSharp.Proof.Oracles;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>Generates the harness's <c>Main</c>: for each payload, call the entry point and print what the sinks recorded.</summary>
internal static class DriverSource
{
    public const string MainTypeName = "__OspreyPlan";

    public static string Generate(IMethodSymbol entry, int payloadParameter, IReadOnlyList<Payload> payloads)
    {
        var parameterTypes = string.Join(", ", entry.Parameters.Select(p => Literal(RuntimeName(p.Type) + (p.RefKind == RefKind.None ? "" : "&"))));
        var payloadArray = string.Join(", ", payloads.Select(p => Literal(p.Value)));
        var method = entry.MethodKind == MethodKind.Constructor ? ".ctor" : entry.MetadataName;
        return $$"""
            internal static class {{MainTypeName}}
            {
                public static int Main()
                {
                    return global::__Osprey.Drive(
                        new string[] { {{payloadArray}} },
                        () => global::__Osprey.InvokeEntry({{Literal(MetadataTypeName(entry.ContainingType))}}, {{Literal(method)}}, new string[] { {{parameterTypes}} }, {{payloadParameter}}));
                }
            }
            """;
    }

    /// <summary>The name reflection's <c>Assembly.GetType</c> expects: namespace, then nested types joined by <c>+</c>.</summary>
    public static string MetadataTypeName(INamedTypeSymbol type)
    {
        var nesting = new StringBuilder(type.MetadataName);
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            nesting.Insert(0, outer.MetadataName + "+");
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + nesting : nesting.ToString();
    }

    // Type.Name as reflection reports it for a parameter: String, String[], List`1.
    private static string RuntimeName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => RuntimeName(array.ElementType) + "[]",
        IPointerTypeSymbol pointer => RuntimeName(pointer.PointedAtType) + "*",
        _ => type.MetadataName,
    };

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
