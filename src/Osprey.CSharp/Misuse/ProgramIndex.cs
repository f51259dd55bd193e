using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Osprey.CSharp.Analysis;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// What the misuse checks need to know about the rest of the program when they follow a value
/// backwards out of a member: who calls a method, what a method returns, who writes a field.
/// Built lazily, once per compilation and only when a check asks: an index of identifier names to
/// their syntax nodes, from which the operations are bound through the project's shared models.
/// Thread-safe: the checks run on several trees at once.
/// </summary>
internal sealed class ProgramIndex(SemanticModelCache models, CancellationToken cancellationToken)
{
    private readonly Lazy<NameIndex> _names = new(() => IndexNames(models.Compilation, cancellationToken));
    private readonly ConcurrentDictionary<string, bool> _mentions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>> _callSites = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<ISimpleAssignmentOperation>> _writes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>> _returns = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The invocations and object creations that may run <paramref name="method"/>: calls of it and
    /// of the members it overrides or implements (a virtual call through a base type may land here).
    /// </summary>
    public ImmutableArray<IOperation> CallSites(IMethodSymbol method) => _callSites.GetOrAdd(method.OriginalDefinition, m =>
    {
        var target = (IMethodSymbol)m;
        var name = target.MethodKind == MethodKind.Constructor ? target.ContainingType.Name : target.Name;
        var builder = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var node in Nodes(name))
        {
            var call = Bind(node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access.Parent : node.Parent);
            var called = call switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            if (called is not null && MayRun(called.OriginalDefinition, target))
            {
                builder.Add(call!);
            }
        }

        return builder.ToImmutable();
    });

    /// <summary>Whether <paramref name="symbol"/> has a body in this compilation (not abstract, not from metadata or another project).</summary>
    public bool InProgram(ISymbol symbol) =>
        !symbol.IsAbstract && !symbol.IsExtern && symbol.DeclaringSyntaxReferences.Any(r => models.Compilation.ContainsSyntaxTree(r.SyntaxTree));

    /// <summary>The values returned by <paramref name="method"/>'s body (none for a method without source).</summary>
    public ImmutableArray<IOperation> Returns(IMethodSymbol method) => _returns.GetOrAdd(method.OriginalDefinition, m =>
    {
        var builder = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var body in Bodies(m))
        {
            foreach (var ret in body.DescendantsAndSelf().OfType<IReturnOperation>())
            {
                if (ret.ReturnedValue is { } value && !InsideLambda(ret, body))
                {
                    builder.Add(value);
                }
            }
        }

        return builder.ToImmutable();
    });

    /// <summary>Every assignment to <paramref name="member"/> (a field or property) in the program, initializers included.</summary>
    public ImmutableArray<ISimpleAssignmentOperation> Writes(ISymbol member) => _writes.GetOrAdd(member.OriginalDefinition, m =>
    {
        var builder = ImmutableArray.CreateBuilder<ISimpleAssignmentOperation>();
        foreach (var node in Nodes(m.Name))
        {
            var assignment = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access.Parent : node.Parent;
            if (Bind(assignment) is ISimpleAssignmentOperation write && MisuseContext.MemberOf(write.Target) is { } written
                && SymbolEqualityComparer.Default.Equals(written.OriginalDefinition, m))
            {
                builder.Add(write);
            }
        }

        return builder.ToImmutable();
    });

    /// <summary>The initializer value of <paramref name="member"/>'s declaration, if it has one.</summary>
    public IOperation? Initializer(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var initializer = syntax switch
            {
                VariableDeclaratorSyntax declarator => (SyntaxNode?)declarator.Initializer,
                PropertyDeclarationSyntax property => property.Initializer,
                _ => null,
            };
            if (initializer is not null && Bind(initializer) is { } operation)
            {
                return operation switch
                {
                    IFieldInitializerOperation field => field.Value,
                    IPropertyInitializerOperation property => property.Value,
                    _ => operation,
                };
            }
        }

        return null;
    }

    /// <summary>The operation trees of <paramref name="method"/>'s bodies.</summary>
    public IEnumerable<IOperation> Bodies(ISymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var body = syntax switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                PropertyDeclarationSyntax property => property.ExpressionBody,
                _ => null,
            };
            if (body is not null && Bind(body) is { } operation)
            {
                yield return operation;
            }
        }
    }

    private IOperation? Bind(SyntaxNode? node) =>
        node is null ? null : models.Get(node.SyntaxTree).GetOperation(node, cancellationToken);

    private ImmutableArray<IdentifierNameSyntax> Nodes(string name) =>
        _names.Value.Names.TryGetValue(name, out var nodes) ? nodes : [];

    /// <summary>Whether some identifier of the program's code contains <paramref name="part"/> (ordinal); answered once per part.</summary>
    public bool MentionsNameContaining(string part) =>
        _mentions.GetOrAdd(part, static (p, names) => names.Value.Names.Keys.Any(k => k.Contains(p, StringComparison.Ordinal)), _names);

    /// <summary>Whether some string literal of the program is a connection string with a password in it.</summary>
    public bool HasLiteralPassword => _names.Value.HasLiteralPassword;

    /// <summary>Whether a call bound to <paramref name="called"/> may run <paramref name="target"/>.</summary>
    private static bool MayRun(IMethodSymbol called, IMethodSymbol target)
    {
        for (var current = target; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            if (SymbolEqualityComparer.Default.Equals(called, current))
            {
                return true;
            }
        }

        return target.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(target.Name).OfType<IMethodSymbol>())
            .Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, called)
                && SymbolEqualityComparer.Default.Equals(target.ContainingType.FindImplementationForInterfaceMember(i)?.OriginalDefinition, target));
    }

    private static bool InsideLambda(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static NameIndex IndexNames(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new ConcurrentDictionary<string, ConcurrentBag<IdentifierNameSyntax>>(StringComparer.Ordinal);
        var literalPassword = 0;
        Parallel.ForEach(compilation.SyntaxTrees, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = 2 }, tree =>
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case IdentifierNameSyntax identifier:
                        names.GetOrAdd(identifier.Identifier.ValueText, static _ => []).Add(identifier);
                        break;
                    case LiteralExpressionSyntax { Token.RawKind: (int)SyntaxKind.StringLiteralToken } literal
                        when literal.Token.ValueText.Contains('=') && HardcodedCredentialCheck.HasLiteralPassword(literal.Token.ValueText):
                        Volatile.Write(ref literalPassword, 1);
                        break;
                }
            }
        });
        return new NameIndex(names.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal), literalPassword != 0);
    }

    private sealed record NameIndex(ImmutableDictionary<string, ImmutableArray<IdentifierNameSyntax>> Names, bool HasLiteralPassword);
}
