using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Proof.Harness.Web;

/// <summary>
/// Decides which cases of an ASP.NET Core app run through its HTTP pipeline — controller actions and
/// minimal-API lambdas, when the app's startup is in the compilation — and what the harness needs to
/// drive them: the marker of a lambda, where the request carries the payload, the decodings on the
/// trace, and the shape of uploaded files.
/// </summary>
internal sealed class WebCases(CallGraph graph, IMethodSymbol? startup)
{
    private const int MaxMembersSearched = 200;

    private readonly Dictionary<SyntaxNode, int> _markers = [];

    /// <summary>The case as it will be driven, or the reason it cannot be.</summary>
    public (LocatedCase? Case, string? Problem) Decide(LocatedCase found, Finding finding)
    {
        var lambda = found.Entry.MethodKind == MethodKind.AnonymousFunction
            ? found.Entry.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<LambdaExpressionSyntax>().FirstOrDefault()
            : null;
        if (found.Entry.Name == TopLevelProgram.MethodName)
        {
            return (null, "the source is in the app's startup code, which runs before any request");
        }

        if (startup is null || lambda is null && !IsAction(found.Entry))
        {
            return lambda is null ? (found, null) : (null, "a minimal-API handler runs only inside its app, and the app's startup is not in the compilation");
        }

        var web = new WebDrive
        {
            AppType = DriverSource.MetadataTypeName(startup.ContainingType),
            AppMethod = startup.MetadataName,
            Lambda = lambda,
            Marker = lambda is null ? -1 : Marker(lambda),
            Encodings = Encodings(finding),
            Probe = ResponseProbes.Supports(finding),
            // A probe for exception details sends files no parser accepts.
            FileShape = ResponseProbes.Supports(finding) ? "text" : FileShape(found.Entry),
        };
        var source = found.Source;
        if (source.Target is { } target && RequestReads.Of(target, graph.Model(target.SyntaxTree)) is { } read)
        {
            // The request carries the payload where the source reads it; the source itself stays.
            web = web with { PayloadPart = read.Part, PayloadName = read.Name };
            source = source with { Target = null, Replacement = null };
            return (found with { Source = source, SourceSite = HarnessSites.NoSource, Web = web, Trees = [.. found.Trees, .. startup.DeclaringSyntaxReferences.Select(r => r.SyntaxTree)] }, null);
        }

        return (found with { Web = web, Trees = [.. found.Trees, .. startup.DeclaringSyntaxReferences.Select(r => r.SyntaxTree)] }, null);
    }

    private int Marker(LambdaExpressionSyntax lambda)
    {
        if (!_markers.TryGetValue(lambda, out var marker))
        {
            marker = _markers.Count;
            _markers[lambda] = marker;
        }

        return marker;
    }

    // A public instance method of a controller: a class named *Controller, deriving from ControllerBase, or marked [ApiController]/[Controller].
    internal static bool IsAction(IMethodSymbol method)
    {
        if (method.IsStatic || method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public
            || method.GetAttributes().Any(a => a.AttributeClass?.Name == "NonActionAttribute"))
        {
            return false;
        }

        var type = method.ContainingType;
        if (type.IsAbstract || type.Name.EndsWith("Controller", StringComparison.Ordinal))
        {
            return !type.IsAbstract;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name is "ControllerBase" or "Controller" || t.GetAttributes().Any(a => a.AttributeClass?.Name is "ApiControllerAttribute" or "ControllerAttribute"))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<string> Encodings(Finding finding) =>
        [.. finding.Trace.Where(s => s.Description.Contains("Convert.FromBase64String", StringComparison.Ordinal)).Select(_ => "base64").Take(1)];

    // Uploaded files are shaped for the parser on the handler's path: an archive, an XML document, or text.
    private string FileShape(IMethodSymbol entry)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { entry };
        var work = new Queue<ISymbol>([entry]);
        var xml = false;
        while (work.TryDequeue(out var member) && seen.Count < MaxMembersSearched)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var text = reference.GetSyntax().ToString();
                if (text.Contains("ZipArchive", StringComparison.Ordinal) || text.Contains("ZipFile.", StringComparison.Ordinal))
                {
                    return "zip";
                }

                xml |= text.Contains("XmlDocument", StringComparison.Ordinal) || text.Contains("XDocument", StringComparison.Ordinal)
                    || text.Contains("XmlReader", StringComparison.Ordinal) || text.Contains("XElement.Load", StringComparison.Ordinal);
            }

            foreach (var callee in graph.Callees(member).Where(seen.Add))
            {
                work.Enqueue(callee);
            }
        }

        return xml ? "xml" : "text";
    }
}
