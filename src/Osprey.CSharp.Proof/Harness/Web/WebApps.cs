using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Osprey.CSharp.Proof.Harness.Web;

/// <summary>
/// Finds the method that starts an ASP.NET Core app: its top-level statements (moved into
/// <see cref="TopLevelProgram"/>'s method), else a static <c>Main</c> that builds a web host.
/// </summary>
internal static class WebApps
{
    private static readonly string[] HostWords = ["WebApplication", "CreateHostBuilder", "ConfigureWebHost", "UseStartup", "WebHost."];

    public static IMethodSymbol? StartupOf(CSharpCompilation compilation)
    {
        var topLevel = compilation.GetTypeByMetadataName(TopLevelProgram.TypeName)?.GetMembers(TopLevelProgram.MethodName).OfType<IMethodSymbol>().FirstOrDefault();
        if (topLevel is not null)
        {
            return topLevel;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText().ToString();
            if (!text.Contains("Main", StringComparison.Ordinal) || !HostWords.Any(w => text.Contains(w, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (method.Identifier.ValueText == "Main" && method.Modifiers.Any(SyntaxKind.StaticKeyword)
                    && HostWords.Any(w => method.ToString().Contains(w, StringComparison.Ordinal))
                    && compilation.GetSemanticModel(tree).GetDeclaredSymbol(method) is { } symbol)
                {
                    return symbol;
                }
            }
        }

        return null;
    }
}
