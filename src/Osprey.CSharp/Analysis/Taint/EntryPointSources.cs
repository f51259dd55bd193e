using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;
using Osprey.CSharp.Models;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Parameters that are sources because of where their method sits: action parameters of
/// controllers, Razor Pages handlers, SignalR hubs (source rows whose output is <c>Parameter</c>,
/// matched by the declaring type's base types), gRPC services (matched by their
/// <c>ServerCallContext</c> parameter), and <c>Main</c>'s arguments.
/// </summary>
internal static class EntryPointSources
{
    /// <summary>The source origin of each parameter of <paramref name="method"/> that is an entry-point input.</summary>
    public static IReadOnlyDictionary<int, TaintOrigin> For(TaintSession session, IMethodSymbol method)
    {
        var result = new Dictionary<int, TaintOrigin>();
        if (method.Parameters.IsEmpty)
        {
            return result;
        }

        if (SymbolEqualityComparer.Default.Equals(method, session.EntryPoint))
        {
            if (session.Catalog.AllowsThreatModel(ScanOptions.Local))
            {
                result[0] = Origin(session, method, method.Parameters[0], ScanOptions.Local, "command-line");
            }

            return result;
        }

        if (method.DeclaredAccessibility != Accessibility.Public || method.IsStatic || method.MethodKind != MethodKind.Ordinary
            || method.GetAttributes().Any(a => a.AttributeClass?.Name is "NonActionAttribute"))
        {
            return result;
        }

        foreach (var row in session.Catalog.ParameterSources)
        {
            // A row names either the handler's base type (a controller) or, for gRPC, the type of a
            // parameter every handler takes (ServerCallContext): an override taking one is a service method.
            var byContext = method.IsOverride && method.Parameters.Any(p => ModelCatalog.TypeMatches(p.Type, row.Api));
            if (!(byContext || ModelCatalog.TypeMatches(method.ContainingType, row.Api)) || (row.Api.Name.Length > 0 && row.Api.Name != method.Name))
            {
                continue;
            }

            foreach (var parameter in method.Parameters)
            {
                if (IsBoundFromRequest(parameter) && !(byContext && ModelCatalog.TypeMatches(parameter.Type, row.Api)) && !result.ContainsKey(parameter.Ordinal))
                {
                    result[parameter.Ordinal] = Origin(session, method, parameter, row.ThreatModel, row.Label);
                }
            }
        }

        return result;
    }

    /// <summary>Whether model binding fills the parameter from the request (not from services or the framework).</summary>
    public static bool IsBoundFromRequest(IParameterSymbol parameter)
    {
        if (parameter.GetAttributes().Any(a => a.AttributeClass?.Name is "FromServicesAttribute" or "FromKeyedServicesAttribute"))
        {
            return false;
        }

        var type = parameter.Type;
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        return type.Name is not ("CancellationToken" or "HttpContext" or "HttpRequest" or "HttpResponse" or "ClaimsPrincipal")
            && !ns.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
            && !ns.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            && !(type.TypeKind == TypeKind.Interface && !ns.StartsWith("System.Collections", StringComparison.Ordinal) && type.Name != "IFormFile");
    }

    private static TaintOrigin Origin(TaintSession session, IMethodSymbol method, IParameterSymbol parameter, string threatModel, string label)
    {
        var location = parameter.Locations.FirstOrDefault() ?? Location.None;
        var description = $"parameter `{parameter.Name}` of `{TaintSession.ShortName(method)}` ({label})";
        var source = new TaintSource(threatModel, label, description, location);
        return TaintOrigin.FromSource(source, TaintTrace.Start(new TaintStep(location, "read from " + description, TraceStepKind.Source, session.MemberName(method))));
    }
}
