using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Recon;

/// <summary>What the authorization and anti-forgery attributes on a handler and its class require.</summary>
internal sealed record AuthDecision(AuthRequirement Auth, ImmutableArray<string> Roles, bool AntiForgery)
{
    /// <summary>Reads the attributes of <paramref name="method"/> and its containing types (and their bases).</summary>
    /// <param name="method">The handler.</param>
    /// <param name="fallback">What the app requires when no attribute says anything (fallback policy, global filter).</param>
    /// <param name="antiForgeryByDefault">Whether the framework validates anti-forgery tokens unless told not to (Razor Pages POST handlers, a global filter).</param>
    public static AuthDecision For(IMethodSymbol method, AuthDecision fallback, bool antiForgeryByDefault)
    {
        var attributes = method.GetAttributes().Concat(TypeAttributes(method.ContainingType)).ToList();
        var antiForgery = antiForgeryByDefault || attributes.Any(a => Is(a, "ValidateAntiForgeryToken") || Is(a, "AutoValidateAntiforgeryToken"));
        if (attributes.Any(a => Is(a, "IgnoreAntiforgeryToken")))
        {
            antiForgery = false;
        }

        // [AllowAnonymous] anywhere on the handler or its controller skips authorization (ASP.NET Core and MVC 5 alike).
        if (attributes.Any(a => Is(a, "AllowAnonymous")))
        {
            return new AuthDecision(AuthRequirement.Anonymous, [], antiForgery);
        }

        var authorize = attributes.Where(a => Is(a, "Authorize")).ToList();
        if (authorize.Count == 0)
        {
            return fallback with { AntiForgery = antiForgery || fallback.AntiForgery };
        }

        var roles = authorize.SelectMany(RolesAndPolicies).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return new AuthDecision(roles.IsEmpty ? AuthRequirement.Authenticated : AuthRequirement.Privileged, roles, antiForgery);
    }

    /// <summary>Whether <paramref name="attribute"/> is named <paramref name="name"/> (with or without the <c>Attribute</c> suffix), in any namespace.</summary>
    public static bool Is(AttributeData attribute, string name)
    {
        var type = attribute.AttributeClass?.Name ?? "";
        return type == name || type == name + "Attribute";
    }

    private static IEnumerable<AttributeData> TypeAttributes(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                yield return attribute;
            }

            if (current.ContainingType is { } outer)
            {
                foreach (var attribute in outer.GetAttributes())
                {
                    yield return attribute;
                }
            }
        }
    }

    private static IEnumerable<string> RolesAndPolicies(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Value is string policy && policy.Length > 0)
            {
                yield return "policy:" + policy;
            }
        }

        foreach (var (name, value) in attribute.NamedArguments)
        {
            if (value.Value is not string text || text.Length == 0)
            {
                continue;
            }

            if (name == "Roles")
            {
                foreach (var role in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return "role:" + role;
                }
            }
            else if (name == "Policy")
            {
                yield return "policy:" + text;
            }
        }
    }
}
