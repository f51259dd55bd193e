using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Recon;

/// <summary>
/// What an application requires of every endpoint unless the endpoint says otherwise: a fallback
/// authorization policy, global authorize or anti-forgery filters, Razor Pages folder conventions.
/// </summary>
internal sealed record AppSecurityDefaults(AuthDecision Fallback, bool GlobalAntiForgery, ImmutableArray<string> AuthorizedPagePrefixes, ImmutableArray<string> AnonymousPagePrefixes)
{
    /// <summary>No defaults: endpoints without attributes are anonymous.</summary>
    public static AppSecurityDefaults None { get; } = new(new AuthDecision(AuthRequirement.Anonymous, [], false), false, [], []);

    /// <summary>Reads the defaults from the recon syntax of every tree of a project.</summary>
    public static AppSecurityDefaults Find(IEnumerable<ReconSyntaxIndex> trees)
    {
        var fallback = None.Fallback;
        var antiForgery = false;
        var authorized = ImmutableArray.CreateBuilder<string>();
        var anonymous = ImmutableArray.CreateBuilder<string>();
        foreach (var index in trees)
        {
            foreach (var assignment in index.FallbackAssignments)
            {
                fallback = Stronger(fallback, FromPolicyExpression(assignment.Right));
            }

            foreach (var call in index.Calls)
            {
                var name = ReconSyntaxIndex.NameOf(call);
                var arguments = call.ArgumentList.Arguments;
                switch (name)
                {
                    case "SetFallbackPolicy" when arguments.Count > 0:
                        fallback = Stronger(fallback, FromPolicyExpression(arguments[0].Expression));
                        break;
                    case "Add" when IsFiltersAdd(call):
                        var added = arguments.Count > 0 ? arguments[0].Expression.ToString() : (call.Expression as MemberAccessExpressionSyntax)?.Name.ToString() ?? "";
                        if (added.Contains("AuthorizeFilter", StringComparison.Ordinal) || added.Contains("AuthorizeAttribute", StringComparison.Ordinal))
                        {
                            fallback = Stronger(fallback, new AuthDecision(AuthRequirement.Authenticated, [], false));
                        }
                        else if (added.Contains("AntiforgeryToken", StringComparison.OrdinalIgnoreCase))
                        {
                            antiForgery = true;
                        }

                        break;
                    case "AuthorizeFolder" or "AuthorizePage" when FirstString(call) is { } path:
                        authorized.Add(path);
                        break;
                    case "AllowAnonymousToFolder" or "AllowAnonymousToPage" when FirstString(call) is { } path:
                        anonymous.Add(path);
                        break;
                }
            }
        }

        return new AppSecurityDefaults(fallback, antiForgery, authorized.ToImmutable(), anonymous.ToImmutable());
    }

    /// <summary>Reads a policy built inline: <c>RequireAuthenticatedUser()</c>, <c>RequireRole("Admin")</c>.</summary>
    public static AuthDecision FromPolicyExpression(ExpressionSyntax expression)
    {
        var calls = expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().ToList();
        var roles = calls.Where(c => ReconSyntaxIndex.NameOf(c) == "RequireRole")
            .SelectMany(c => c.ArgumentList.Arguments)
            .Select(a => a.Expression)
            .OfType<LiteralExpressionSyntax>()
            .Select(l => "role:" + l.Token.ValueText)
            .ToImmutableArray();
        if (!roles.IsEmpty)
        {
            return new AuthDecision(AuthRequirement.Privileged, roles, false);
        }

        var requires = calls.Any(c => ReconSyntaxIndex.NameOf(c) is "RequireAuthenticatedUser" or "RequireClaim" or "RequireAssertion" or "AddRequirements" or "RequireUserName");
        return requires
            ? new AuthDecision(calls.Any(c => ReconSyntaxIndex.NameOf(c) is "RequireClaim" or "RequireUserName") ? AuthRequirement.Privileged : AuthRequirement.Authenticated, [], false)
            : None.Fallback;
    }

    private static AuthDecision Stronger(AuthDecision a, AuthDecision b) => b.Auth > a.Auth ? b : a;

    private static bool IsFiltersAdd(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax { Expression: var receiver } && receiver.ToString().EndsWith("Filters", StringComparison.Ordinal);

    private static string? FirstString(InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : null;
}
