using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Recon;

/// <summary>
/// Reads minimal-API endpoints (<c>app.MapGet("/x", handler)</c>): the verb, the route with every
/// <c>MapGroup</c> prefix it is mapped under, and the <c>RequireAuthorization</c>/<c>AllowAnonymous</c>
/// calls on the endpoint and its groups.
/// </summary>
internal static class MinimalApiEndpoints
{
    private const int MaxGroupDepth = 8;

    /// <summary>One endpoint: verb, route, handler symbol and what it requires.</summary>
    public sealed record Endpoint(string? Verb, string Route, IMethodSymbol Handler, SyntaxNode HandlerSyntax, AuthDecision Auth);

    /// <summary>Reads the endpoint mapped by <paramref name="call"/>, or null when it is not a minimal-API mapping.</summary>
    public static Endpoint? Read(InvocationExpressionSyntax call, SemanticModel model, AuthDecision fallback, CancellationToken cancellationToken)
    {
        var name = ReconSyntaxIndex.NameOf(call);
        var arguments = call.ArgumentList.Arguments;
        var (verb, handlerIndex) = name switch
        {
            "MapGet" => ("GET", 1),
            "MapPost" => ("POST", 1),
            "MapPut" => ("PUT", 1),
            "MapDelete" => ("DELETE", 1),
            "MapPatch" => ("PATCH", 1),
            "MapMethods" => (Verbs(arguments.ElementAtOrDefault(1)?.Expression, model), 2),
            "Map" => (null, 1),
            "MapFallback" => (null, arguments.Count == 1 ? 0 : 1),
            _ => ((string?)null, -1),
        };
        if (handlerIndex < 0 || arguments.Count <= handlerIndex || call.Expression is not MemberAccessExpressionSyntax access)
        {
            return null;
        }

        var method = model.GetSymbolInfo(call, cancellationToken);
        var target = method.Symbol ?? method.CandidateSymbols.FirstOrDefault();
        if (target is not null && target.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var pattern = name == "MapFallback" && arguments.Count == 1 ? "/{*path}" : model.GetConstantValue(arguments[0].Expression, cancellationToken).Value as string;
        if (pattern is null)
        {
            return null;
        }

        var handlerSyntax = arguments[handlerIndex].Expression;
        var handlerInfo = model.GetSymbolInfo(handlerSyntax, cancellationToken);
        var handler = handlerInfo.Symbol ?? handlerInfo.CandidateSymbols.FirstOrDefault();
        if (handler is not IMethodSymbol handlerMethod)
        {
            return null;
        }

        var requirements = new List<AuthDecision>();
        var anonymous = false;
        var prefix = Group(access.Expression, model, requirements, ref anonymous, 0, cancellationToken);
        for (SyntaxNode node = call; node.Parent is MemberAccessExpressionSyntax parentAccess && parentAccess.Expression == node && parentAccess.Parent is InvocationExpressionSyntax chained; node = chained)
        {
            Record(chained, requirements, ref anonymous);
        }

        var auth = anonymous
            ? new AuthDecision(AuthRequirement.Anonymous, [], false)
            : requirements.Count > 0
                ? requirements.OrderByDescending(r => r.Auth).First() with { Roles = [.. requirements.SelectMany(r => r.Roles).Distinct(StringComparer.Ordinal)] }
                : AuthDecision.For(handlerMethod, fallback, antiForgeryByDefault: false);
        return new Endpoint(verb, Routes.Append(prefix, pattern), handlerMethod, handlerSyntax, auth);
    }

    /// <summary>The route prefix of the builder <paramref name="receiver"/>, recording group authorization along the way.</summary>
    private static string Group(ExpressionSyntax receiver, SemanticModel model, List<AuthDecision> requirements, ref bool anonymous, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxGroupDepth)
        {
            return "";
        }

        switch (receiver)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } invocation:
                var name = ReconSyntaxIndex.NameOf(invocation);
                var prefix = Group(inner.Expression, model, requirements, ref anonymous, depth + 1, cancellationToken);
                if (name == "MapGroup" && invocation.ArgumentList.Arguments.FirstOrDefault() is { } argument)
                {
                    return Routes.Append(prefix, model.GetConstantValue(argument.Expression, cancellationToken).Value as string ?? "");
                }

                Record(invocation, requirements, ref anonymous);
                return prefix;
            case IdentifierNameSyntax identifier when model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local:
                var declarator = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
                foreach (var statement in LaterCallsOn(declarator, local.Name))
                {
                    Record(statement, requirements, ref anonymous);
                }

                return declarator?.Initializer?.Value is { } initializer
                    ? Group(initializer, model, requirements, ref anonymous, depth + 1, cancellationToken)
                    : "";
            default:
                return "";
        }
    }

    /// <summary>Calls like <c>group.RequireAuthorization()</c> made as separate statements on the group variable.</summary>
    private static IEnumerable<InvocationExpressionSyntax> LaterCallsOn(VariableDeclaratorSyntax? declarator, string name)
    {
        var block = declarator?.Ancestors().FirstOrDefault(a => a is BlockSyntax or CompilationUnitSyntax);
        if (block is null)
        {
            return [];
        }

        return block.DescendantNodes()
            .OfType<ExpressionStatementSyntax>()
            .Select(s => s.Expression)
            .OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax id } && id.Identifier.ValueText == name);
    }

    private static void Record(InvocationExpressionSyntax invocation, List<AuthDecision> requirements, ref bool anonymous)
    {
        switch (ReconSyntaxIndex.NameOf(invocation))
        {
            case "AllowAnonymous":
                anonymous = true;
                break;
            case "RequireAuthorization":
                requirements.Add(FromRequireAuthorization(invocation));
                break;
        }
    }

    private static AuthDecision FromRequireAuthorization(InvocationExpressionSyntax invocation)
    {
        var roles = ImmutableArray.CreateBuilder<string>();
        var authenticated = new AuthDecision(AuthRequirement.Authenticated, [], false);
        foreach (var argument in invocation.ArgumentList.Arguments.Select(a => a.Expression))
        {
            switch (argument)
            {
                case LiteralExpressionSyntax literal when literal.Token.Value is string policy:
                    roles.Add("policy:" + policy);
                    break;
                case BaseObjectCreationExpressionSyntax creation:
                    foreach (var assignment in creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>() ?? [])
                    {
                        if (assignment.Right is LiteralExpressionSyntax { Token.Value: string value } && assignment.Left.ToString() is "Roles" or "Policy")
                        {
                            roles.AddRange(assignment.Left.ToString() == "Roles"
                                ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => "role:" + r)
                                : ["policy:" + value]);
                        }
                    }

                    foreach (var policy in creation.ArgumentList?.Arguments.Select(a => a.Expression).OfType<LiteralExpressionSyntax>() ?? [])
                    {
                        roles.Add("policy:" + policy.Token.ValueText);
                    }

                    break;
                case LambdaExpressionSyntax lambda:
                    var fromPolicy = AppSecurityDefaults.FromPolicyExpression(lambda);
                    roles.AddRange(fromPolicy.Roles);
                    break;
            }
        }

        return roles.Count > 0 ? new AuthDecision(AuthRequirement.Privileged, roles.ToImmutable(), false) : authenticated;
    }

    private static string? Verbs(ExpressionSyntax? expression, SemanticModel model) =>
        expression is null
            ? null
            : string.Join(",", expression.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>()
                .Select(l => model.GetConstantValue(l).Value as string)
                .OfType<string>()
                .Select(v => v.ToUpperInvariant())) is { Length: > 0 } verbs ? verbs : null;
}
