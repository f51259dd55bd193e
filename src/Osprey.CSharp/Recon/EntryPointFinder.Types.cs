using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Recon;

internal static partial class EntryPointFinder
{
    private static readonly string[] Verbs = ["Get", "Post", "Put", "Delete", "Patch", "Head", "Options"];

    private delegate void AddEntry(EntryPointKind kind, string name, IMethodSymbol handler, string? verb, string? route, AuthDecision auth);

    private static void ClassifyType(INamedTypeSymbol type, string filePath, AppSecurityDefaults defaults, AddEntry add)
    {
        if (type.IsAbstract || type.IsStatic || type.IsGenericType)
        {
            return;
        }

        if (InheritsFrom(type, "Hub", "Microsoft.AspNetCore.SignalR"))
        {
            foreach (var method in PublicMethods(type))
            {
                add(EntryPointKind.Message, $"hub {type.Name}.{method.Name}", method, null, null, AuthDecision.For(method, defaults.Fallback, false));
            }
        }
        else if (InheritsFrom(type, "PageModel", "Microsoft.AspNetCore.Mvc.RazorPages"))
        {
            RazorPage(type, filePath, defaults, add);
        }
        else if (InheritsFrom(type, "Page", "System.Web.UI"))
        {
            WebFormsPage(type, filePath, add);
        }
        else if (IsController(type))
        {
            Controller(type, defaults, add);
        }
        else
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsOverride && m.Parameters.Any(p => p.Type.Name == "ServerCallContext")))
            {
                add(EntryPointKind.Message, $"gRPC {type.Name}/{method.Name}", method, null, null, AuthDecision.For(method, defaults.Fallback, false));
            }
        }
    }

    private static void Controller(INamedTypeSymbol type, AppSecurityDefaults defaults, AddEntry add)
    {
        var controllerName = type.Name.EndsWith("Controller", StringComparison.Ordinal) ? type.Name[..^"Controller".Length] : type.Name;
        var classTemplate = TypeAttributes(type).Where(a => AuthDecision.Is(a, "Route") || AuthDecision.Is(a, "RoutePrefix"))
            .Select(FirstString).FirstOrDefault(t => t is not null);
        var isWebApi2 = InheritsFrom(type, "ApiController", "System.Web.Http");
        foreach (var method in PublicMethods(type))
        {
            var attributes = method.GetAttributes();
            string? verb = null;
            string? methodTemplate = null;
            foreach (var attribute in attributes)
            {
                var name = attribute.AttributeClass?.Name.Replace("Attribute", "", StringComparison.Ordinal) ?? "";
                if (name.StartsWith("Http", StringComparison.Ordinal) && Verbs.Contains(name[4..]))
                {
                    verb ??= name[4..].ToUpperInvariant();
                    methodTemplate ??= FirstString(attribute);
                }
                else if (name == "Route")
                {
                    methodTemplate ??= FirstString(attribute);
                }
                else if (name == "AcceptVerbs")
                {
                    verb ??= string.Join(",", attribute.ConstructorArguments.SelectMany(a => a.Kind == TypedConstantKind.Array ? a.Values : [a]).Select(v => v.Value?.ToString()?.ToUpperInvariant()).OfType<string>());
                }
            }

            if (verb is null && isWebApi2)
            {
                verb = Verbs.FirstOrDefault(v => method.Name.StartsWith(v, StringComparison.Ordinal))?.ToUpperInvariant();
            }

            var route = classTemplate is null && methodTemplate is null
                ? $"/{controllerName}/{method.Name}"
                : Routes.Combine(classTemplate, methodTemplate);
            route = Routes.ReplaceTokens(route, controllerName, method.Name);
            var auth = AuthDecision.For(method, defaults.Fallback, defaults.GlobalAntiForgery && verb is not (null or "GET" or "HEAD" or "OPTIONS"));
            add(EntryPointKind.Http, $"{verb ?? "ANY"} {route}", method, verb, route, auth);
        }
    }

    private static void RazorPage(INamedTypeSymbol type, string filePath, AppSecurityDefaults defaults, AddEntry add)
    {
        var normalized = PreferredFile(type, ".cshtml.cs", filePath).Replace('\\', '/');
        var pages = normalized.LastIndexOf("/Pages/", StringComparison.Ordinal);
        var page = pages >= 0 ? normalized[(pages + "/Pages".Length)..] : "/" + type.Name.Replace("Model", "", StringComparison.Ordinal);
        page = page.Replace(".cshtml.cs", "", StringComparison.OrdinalIgnoreCase).Replace(".cs", "", StringComparison.OrdinalIgnoreCase);
        if (page.EndsWith("/Index", StringComparison.OrdinalIgnoreCase))
        {
            page = page[..^"/Index".Length];
        }

        var route = page.Length == 0 ? "/" : page;
        var byConvention = defaults.AuthorizedPagePrefixes.Any(p => route.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            && !defaults.AnonymousPagePrefixes.Any(p => route.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        var fallback = byConvention && defaults.Fallback.Auth < AuthRequirement.Authenticated
            ? new AuthDecision(AuthRequirement.Authenticated, [], false)
            : defaults.Fallback;
        foreach (var method in PublicMethods(type).Where(m => m.Name.StartsWith("On", StringComparison.Ordinal)))
        {
            var rest = method.Name[2..];
            var verb = Verbs.FirstOrDefault(v => rest.StartsWith(v, StringComparison.Ordinal));
            if (verb is null)
            {
                continue;
            }

            var handler = rest[verb.Length..];
            handler = handler.EndsWith("Async", StringComparison.Ordinal) ? handler[..^"Async".Length] : handler;
            var handlerRoute = handler.Length > 0 ? $"{route}?handler={handler}" : route;
            var auth = AuthDecision.For(method, fallback, antiForgeryByDefault: verb != "Get");
            add(EntryPointKind.Http, $"{verb.ToUpperInvariant()} {handlerRoute}", method, verb.ToUpperInvariant(), handlerRoute, auth);
        }
    }

    private static void WebFormsPage(INamedTypeSymbol type, string filePath, AddEntry add)
    {
        var file = Path.GetFileName(PreferredFile(type, ".aspx.cs", filePath).Replace('\\', '/'));
        var route = "/" + (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? file[..^3] : type.Name + ".aspx");
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic))
        {
            var isEvent = method.Name.StartsWith("Page_", StringComparison.Ordinal)
                || (method.Name.Contains('_', StringComparison.Ordinal) && method.Parameters.Length == 2 && method.Parameters[1].Type.Name.EndsWith("EventArgs", StringComparison.Ordinal));
            if (isEvent)
            {
                add(EntryPointKind.Http, $"ANY {route} ({method.Name})", method, null, route, new AuthDecision(AuthRequirement.Unknown, [], false));
            }
        }
    }

    /// <summary>For a partial class, the declaring file with the given suffix (the page's code-behind), else <paramref name="fallback"/>.</summary>
    private static string PreferredFile(INamedTypeSymbol type, string suffix, string fallback) =>
        type.DeclaringSyntaxReferences.Select(r => r.SyntaxTree.FilePath).FirstOrDefault(p => p.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) ?? fallback;

    private static bool IsController(INamedTypeSymbol type)
    {
        if (TypeAttributes(type).Any(a => AuthDecision.Is(a, "NonController")))
        {
            return false;
        }

        return InheritsFrom(type, "ControllerBase", null) || InheritsFrom(type, "Controller", null) || InheritsFrom(type, "ApiController", null)
            || TypeAttributes(type).Any(a => AuthDecision.Is(a, "ApiController") || AuthDecision.Is(a, "Controller"));
    }

    private static IEnumerable<IMethodSymbol> PublicMethods(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>().Where(m =>
            m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public && !m.IsStatic
            && m.Name is not ("Dispose" or "ToString" or "GetHashCode" or "Equals")
            && !m.GetAttributes().Any(a => AuthDecision.Is(a, "NonAction")));

    /// <summary>
    /// Whether a base type of <paramref name="type"/> is named <paramref name="name"/> in
    /// <paramref name="ns"/> (any namespace when null, or when the base could not be resolved).
    /// </summary>
    private static bool InheritsFrom(INamedTypeSymbol type, string name, string? ns)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == name && (ns is null || current.TypeKind == TypeKind.Error || current.ContainingNamespace?.ToDisplayString() == ns))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<AttributeData> TypeAttributes(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                yield return attribute;
            }
        }
    }

    private static string? FirstString(AttributeData attribute) =>
        attribute.ConstructorArguments.FirstOrDefault(a => a.Value is string).Value as string;

}
