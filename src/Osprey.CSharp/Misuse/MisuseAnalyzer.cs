using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Rules;
using Osprey.CSharp.Analysis;

namespace Osprey.CSharp.Misuse;

/// <summary>
/// Runs the API-misuse checks (hard-coded credentials, weak crypto, weak randomness, cookie flags,
/// cleartext transmission and storage, error details, programs found through the search path) over a compilation's operations in one pass.
/// A member is bound only when its tokens can interest some check, so large code bases with little
/// crypto or cookie code cost little beyond parsing.
/// </summary>
internal sealed class MisuseAnalyzer : ICompilationAnalyzer
{
    private readonly ImmutableArray<IMisuseCheck> _checks;
    private readonly ImmutableDictionary<OperationKind, ImmutableArray<IMisuseCheck>> _byKind;

    /// <summary>Creates the analyzer with every check.</summary>
    public MisuseAnalyzer()
        : this([new HardcodedCredentialCheck(), new WeakCryptoCheck(), new InsecureRandomnessCheck(), new CookieFlagsCheck(),
            new CleartextTransmissionCheck(), new CleartextStorageCheck(), new CredentialSourceCheck(), new SecretStorageCheck(), new ErrorDetailsExposureCheck(), new UntrustedSearchPathCheck(), new UntrustedLibraryPathCheck()])
    {
    }

    /// <summary>Creates the analyzer with the given checks.</summary>
    public MisuseAnalyzer(IEnumerable<IMisuseCheck> checks)
    {
        _checks = [.. checks];
        if (_checks.Length > 64)
        {
            throw new ArgumentException("The trigger masks hold at most 64 checks.", nameof(checks));
        }

        _byKind = _checks.SelectMany(c => c.Kinds.Select(k => (Kind: k, Check: c)))
            .GroupBy(p => p.Kind)
            .ToImmutableDictionary(g => g.Key, g => g.Select(p => p.Check).ToImmutableArray());
        Rules = [.. _checks.SelectMany(c => c.Rules).DistinctBy(r => r.Id)];
    }

    /// <inheritdoc />
    public string Name => "misuse";

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules { get; }

    /// <inheritdoc />
    public void Analyze(CSharpAnalysisContext context, CancellationToken cancellationToken)
    {
        var compilation = context.Project.Compilation;
        var reported = new ConcurrentDictionary<(string, string, int), byte>();
        var trees = compilation.SyntaxTrees.ToArray();
        var origins = new ValueOrigins(new ProgramIndex(context.SemanticModels, cancellationToken));
        Parallel.ForEach(trees, new ParallelOptions { MaxDegreeOfParallelism = context.Scan.Options.Threads, CancellationToken = cancellationToken }, tree =>
        {
            SemanticModel? model = null;
            MisuseContext? misuse = null;
            var identifierTriggers = new Dictionary<string, ulong>(StringComparer.Ordinal);
            foreach (var root in MemberRoots(tree.GetRoot(cancellationToken)))
            {
                // An initializer's or expression body's own name is part of what it means (a field named AdminPassword).
                var scope = root is EqualsValueClauseSyntax or ArrowExpressionClauseSyntax ? root.Parent! : root;
                if (InterestedChecks(scope, identifierTriggers) is not { } interested)
                {
                    continue;
                }

                // The project's shared model: bodies the taint analysis bound are not bound again.
                model ??= context.SemanticModels.Get(tree);
                misuse ??= new MisuseContext(context, model, reported, origins);
                if (model.GetOperation(root is GlobalStatementSyntax global ? global.Statement : root, cancellationToken) is not { } operation)
                {
                    continue;
                }

                foreach (var op in operation.DescendantsAndSelf())
                {
                    if (_byKind.TryGetValue(op.Kind, out var checks))
                    {
                        foreach (var check in checks)
                        {
                            if (interested.Contains(check))
                            {
                                check.Inspect(op, misuse);
                            }
                        }
                    }
                }
            }
        });
    }

    /// <summary>The checks a token of <paramref name="scope"/> triggers, in one walk of its tokens; null when none does.</summary>
    private HashSet<IMisuseCheck>? InterestedChecks(SyntaxNode scope, Dictionary<string, ulong> identifierTriggers)
    {
        var all = _checks.Length >= 64 ? ulong.MaxValue : (1UL << _checks.Length) - 1;
        ulong found = 0;
        foreach (var token in scope.DescendantTokens())
        {
            // Identifiers are most tokens and repeat: their answer is looked up, not asked of every check again.
            var triggered = token.IsKind(SyntaxKind.IdentifierToken) ? IdentifierTriggers(token, identifierTriggers) : Triggers(token);
            found |= triggered;
            if (found == all)
            {
                break;
            }
        }

        if (found == 0)
        {
            return null;
        }

        var interested = new HashSet<IMisuseCheck>();
        for (var i = 0; i < _checks.Length; i++)
        {
            if ((found & (1UL << i)) != 0)
            {
                interested.Add(_checks[i]);
            }
        }

        return interested;
    }

    private ulong IdentifierTriggers(SyntaxToken token, Dictionary<string, ulong> known)
    {
        if (!known.TryGetValue(token.ValueText, out var mask))
        {
            known[token.ValueText] = mask = Triggers(token);
        }

        return mask;
    }

    private ulong Triggers(SyntaxToken token)
    {
        ulong mask = 0;
        for (var i = 0; i < _checks.Length; i++)
        {
            if (_checks[i].IsTrigger(token))
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }

    /// <summary>The syntax nodes that have an operation tree of their own: member bodies, initializers, top-level statements.</summary>
    private static IEnumerable<SyntaxNode> MemberRoots(SyntaxNode root) =>
        root.DescendantNodes(n => !IsMemberRoot(n)).Where(IsMemberRoot);

    private static bool IsMemberRoot(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax method => method.Body is not null || method.ExpressionBody is not null,
        AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
        ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } } => true,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
        GlobalStatementSyntax => true,
        _ => false,
    };
}
